<#-- DEQUANTIZE to float32: args from DequantizeEmitter; scaleHex is the exact float32 scale in hexadecimal -->
<#macro call a>
tfg_dequantize_${a.from}_f32(${a.input}, ${a.output}, ${a.size?c}, ${a.scaleHex}f, ${a.zeroPoint?c});
</#macro>
