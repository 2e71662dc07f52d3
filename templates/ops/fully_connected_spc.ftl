<#-- FULLY_CONNECTED int8 with entropy-coded sparse weights (runtime-c/src/conv/tfg_fully_connected_spc_s8.c): as
     fully_connected.ftl, but a.filter is a tfg_sparse_coded compound literal (bit stream, table, symbols).
     A failing kernel makes invoke() return op + 1. -->
<#macro call a>
if (tfg_fully_connected_spc_s8(${a.input}, ${a.filter}, ${a.bias},
                              ${a.output},
                              ${a.batches?c}, ${a.accum_depth?c}, ${a.out_depth?c},
                              ${a.input_offset?c}, ${a.filter_offset?c}, ${a.output_offset?c},
                              (tfg_per_channel_quant){${a.multipliers}, ${a.shifts}}, ${a.per_channel?c},
                              (tfg_activation){${a.act_min?c}, ${a.act_max?c}}) != TFG_OK) {
    return ${(a.op + 1)?c};
}
</#macro>
