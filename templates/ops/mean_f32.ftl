<#-- MEAN float32 (runtime-c/src/basic/tfg_mean_f32.c): kept/reduced dims and strides from MeanEmitter. -->
<#macro call a>
tfg_mean_f32(${a.input}, ${a.output}, ${a.keptDims}, ${a.keptStrides}, ${a.keptRank?c}, ${a.reducedDims},
             ${a.reducedStrides}, ${a.reducedRank?c}, ${a.count?c});
</#macro>
