<#-- SOFTMAX over the innermost dimension (rows x depth), int8 input, int8 or int16 output
     (a.fn = tfg_softmax_s8 or tfg_softmax_s8_s16); multiplier/shift/diff_min come from prepare. -->
<#macro call a>
${a.fn}(${a.input}, ${a.rows?c}, ${a.depth?c}, ${a.multiplier?c}, ${a.shift?c}, ${a.diffMin?c}, ${a.output});
</#macro>
