<#-- MEAN int8: args from MeanEmitter -->
<#macro call a>
tfg_mean_s8(${a.input}, ${a.output}, ${a.keptDims}, ${a.keptStrides}, ${a.keptRank?c}, ${a.reducedDims}, ${a.reducedStrides}, ${a.reducedRank?c},
            ${a.count?c}, ${a.inputZeroPoint?c}, ${a.outputZeroPoint?c}, ${a.multiplier?c}, ${a.shift?c});
</#macro>
