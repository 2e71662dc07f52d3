<#-- QUANTIZE from float32: args from QuantizeEmitter; scaleHex is the exact float32 scale in hexadecimal -->
<#macro call a>
tfg_quantize_f32_${a.to}(${a.input}, ${a.output}, ${a.size?c}, ${a.scaleHex}f, ${a.outputZeroPoint?c});
</#macro>
