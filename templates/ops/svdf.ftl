<#-- SVDF: one call of tfg_svdf_s8 (int8 state) or tfg_svdf_s8_s16 (int16 state), parameters in a local const struct. -->
<#macro call a>
{
    const tfg_svdf_params svdf = {
        ${a.batches}, ${a.inputSize}, ${a.numFilters}, ${a.rank}, ${a.memorySize}, /* batches, input, filters, rank, memory */
        ${a.inputZeroPoint}, ${a.stateZeroPoint}, ${a.outputZeroPoint}, /* zero points: input, state, output */
        {${a.featureMultiplier}, ${a.featureShift}}, /* input x weights_feature -> state */
        {${a.timeMultiplier}, ${a.timeShift}} /* state x weights_time -> output */
    };
    if (${a.function}(&svdf, ${a.input}, ${a.weightsFeature}, ${a.weightsTime}, ${a.bias},
        ${a.state}, ${a.output}, ${a.scratch}) != TFG_OK) {
        return 3;
    }
}
</#macro>
