<#-- SOFTMAX float32 over the innermost dimension (runtime-c/src/activation/tfg_softmax_f32.c); a.beta is an
     exact float literal. -->
<#macro call a>
tfg_softmax_f32(${a.input}, ${a.rows?c}, ${a.depth?c}, ${a.beta}, ${a.output});
</#macro>
