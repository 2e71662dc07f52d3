<#-- MUL int8: args from MulEmitter; NULL dims select the flat element-wise loop -->
<#macro call a>
tfg_mul_s8(${a.input1}, ${a.input2}, ${a.output}, ${a.size?c}, <#if a.broadcast>${a.dims}, ${a.strides1}, ${a.strides2}<#else>NULL, NULL, NULL</#if>,
           ${a.input1Offset?c}, ${a.input2Offset?c}, ${a.outputOffset?c}, ${a.outputMultiplier?c}, ${a.outputShift?c}, ${a.actMin?c}, ${a.actMax?c});
</#macro>
