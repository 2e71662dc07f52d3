<#-- AVERAGE_POOL_2D int8: args from AveragePool2DEmitter -->
<#macro call a>
tfg_avgpool_s8(${a.input}, ${a.output}, ${a.batches?c}, ${a.inH?c}, ${a.inW?c}, ${a.channels?c}, ${a.outH?c}, ${a.outW?c}, ${a.filterH?c}, ${a.filterW?c}, ${a.strideH?c}, ${a.strideW?c}, ${a.padH?c}, ${a.padW?c}, ${a.actMin?c}, ${a.actMax?c});
</#macro>
