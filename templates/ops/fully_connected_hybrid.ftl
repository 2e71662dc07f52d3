<#-- FULLY_CONNECTED dynamic range (runtime-c/src/conv/tfg_fully_connected_hybrid_s8.c): float input/bias/output,
     int8 weights with a.scales (one, or one per output when a.per_channel is 1), a.asymmetric input
     quantization 0/1, scratch in the arena. -->
<#macro call a>
if (tfg_fully_connected_hybrid_s8(${a.input}, ${a.filter}, ${a.bias}, ${a.output},
        ${a.batches?c}, ${a.accum_depth?c}, ${a.out_depth?c}, ${a.scales}, ${a.per_channel?c}, ${a.asymmetric?c},
        ${a.act}, ${a.scratch}) != TFG_OK) {
    return ${(a.op + 1)?c};
}
</#macro>
