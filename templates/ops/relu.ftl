<#-- RELU int8: args from ReluEmitter -->
<#macro call a>
tfg_relu_s8(${a.input}, ${a.output}, ${a.size?c}, ${a.inputZeroPoint?c}, ${a.outputZeroPoint?c}, ${a.multiplier?c}, ${a.shift?c}, ${a.actMin?c}, ${a.actMax?c});
</#macro>
