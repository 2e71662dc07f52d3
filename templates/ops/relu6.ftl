<#-- RELU6 int8: args from Relu6Emitter -->
<#macro call a>
tfg_relu6_s8(${a.input}, ${a.output}, ${a.size?c}, ${a.lower?c}, ${a.upper?c});
</#macro>
