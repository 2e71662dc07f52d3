<#-- TANH int8 (output scale 1/128, zero point 0); zero point, radius, multiplier, shift from prepare. -->
<#macro call a>
tfg_tanh_s8(${a.input}, ${a.size?c}, ${a.zeroPoint?c}, ${a.radius?c}, ${a.multiplier?c}, ${a.shift?c}, ${a.output});
</#macro>
