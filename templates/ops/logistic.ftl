<#-- LOGISTIC: int8 (output scale 1/256, zero point -128; a.fn = tfg_logistic_s8, with zero point and radius)
     or int16 (a.fn = tfg_logistic_lut_s16); multiplier and shift from prepare. -->
<#macro call a>
<#if a.int16>
${a.fn}(${a.input}, ${a.size?c}, ${a.multiplier?c}, ${a.shift?c}, ${a.output});
<#else>
${a.fn}(${a.input}, ${a.size?c}, ${a.zeroPoint?c}, ${a.radius?c}, ${a.multiplier?c}, ${a.shift?c}, ${a.output});
</#if>
</#macro>
