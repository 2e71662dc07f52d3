<#-- QUANTIZE between integer types: args from QuantizeEmitter -->
<#macro call a>
tfg_requantize_${a.from}_${a.to}(${a.input}, ${a.output}, ${a.size?c}, ${a.inputZeroPoint?c}, ${a.outputZeroPoint?c}, ${a.multiplier?c}, ${a.shift?c});
</#macro>
