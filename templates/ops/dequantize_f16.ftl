<#-- DEQUANTIZE float16 -> float32 (runtime-c/src/basic/tfg_dequantize_f16_f32.c), a.n elements. -->
<#macro call a>
tfg_dequantize_f16_f32(${a.input}, ${a.output}, ${a.n?c});
</#macro>
