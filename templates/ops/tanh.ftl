<#-- TANH: int8 (output scale 1/128, zero point 0; a.fn = tfg_tanh_s8, with zero point and radius)
     or int16 (a.fn = tfg_tanh_lut_s16); multiplier and shift from prepare. -->
<#macro call a>
<#if a.int16>
${a.fn}(${a.input}, ${a.size?c}, ${a.multiplier?c}, ${a.shift?c}, ${a.output});
<#else>
${a.fn}(${a.input}, ${a.size?c}, ${a.zeroPoint?c}, ${a.radius?c}, ${a.multiplier?c}, ${a.shift?c}, ${a.output});
</#if>
</#macro>
