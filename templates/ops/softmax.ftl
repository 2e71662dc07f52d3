<#-- SOFTMAX over the innermost dimension (rows x depth): int8 input with int8 or int16 output
     (a.fn = tfg_softmax_s8 or tfg_softmax_s8_s16; multiplier, shift, diff_min from prepare), or int16 input and
     output (a.fn = tfg_softmax_s16, with the exp and 1/(1+x) tables as const arrays). -->
<#macro call a>
<#if a.int16Input>
${a.fn}(${a.input}, ${a.rows?c}, ${a.depth?c}, ${a.multiplier?c}, ${a.shift?c}, ${a.expLut}, ${a.recipLut}, ${a.output});
<#else>
${a.fn}(${a.input}, ${a.rows?c}, ${a.depth?c}, ${a.multiplier?c}, ${a.shift?c}, ${a.diffMin?c}, ${a.output});
</#if>
</#macro>
