<#-- FULLY_CONNECTED int8 over generator-packed int16 weights, four rows per pass
     (runtime-c/src/conv/tfg_fully_connected_gemm_s8.c); channels are the folded bias and requantization per
     output, padded to a multiple of four. A failing kernel makes invoke() return op + 1. -->
<#macro call a>
if (tfg_fully_connected_gemm_s8(${a.input}, ${a.filter}, ${a.channels},
                                ${a.output},
                                ${a.batches?c}, ${a.accum_depth?c}, ${a.out_depth?c}, ${a.input_offset?c}, ${a.zp_after?c},
                                (tfg_activation){${a.act_min?c}, ${a.act_max?c}}, ${a.scratch}) != TFG_OK) {
    return ${(a.op + 1)?c};
}
</#macro>
