<#-- PAD float32 (runtime-c/src/basic/tfg_pad_f32.c): 5-D dims from PadEmitter, a.padValue an exact literal. -->
<#macro call a>
tfg_pad_f32(${a.input}, ${a.output}, ${a.inDims}, ${a.outDims}, ${a.before}, ${a.padValue});
</#macro>
