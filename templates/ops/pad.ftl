<#-- PAD int8: args from PadEmitter -->
<#macro call a>
tfg_pad_s8(${a.input}, ${a.output}, ${a.inDims}, ${a.outDims}, ${a.before}, ${a.padValue?c});
</#macro>
