<#-- UNIDIRECTIONAL_SEQUENCE_LSTM, int8 with int16 cell: one call of tfg_lstm_s8 (parameters in tfg_recurrent.h). -->
<#macro gate g>{${g.inputWeights}, ${g.recurrentWeights}, ${g.inputBias}, ${g.recurrentBias}, ${g.inputQuant}, ${g.recurrentQuant}}</#macro>
<#macro call a>
{
    const tfg_lstm_params lstm = {
        ${a.timeMajor}, ${a.batches}, ${a.timeSteps}, ${a.inputSize}, ${a.stateSize}, /* time major, batches, steps, input, state */
        <@gate a.forgetGate/>, /* forget gate */
        <@gate a.inputGate/>, /* input gate */
        <@gate a.cellGate/>, /* cell gate */
        <@gate a.outputGate/>, /* output gate */
        ${a.forgetMul}, ${a.inputMul}, ${a.outputMul}, /* forget x cell, input x cell gate, tanh(cell) x output */
        ${a.hiddenZeroPoint}, ${a.cellClip}, ${a.cellTanhMultiplier}, ${a.cellTanhShift} /* hidden zp, clip, cell tanh scaling */
    };
    if (tfg_lstm_s8(&lstm, ${a.input}, ${a.hiddenState}, ${a.cellState}, ${a.output}, ${a.scratch}) != TFG_OK) {
        return 3;
    }
}
</#macro>
