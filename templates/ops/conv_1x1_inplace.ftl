<#-- 1x1 CONV_2D int8 computed in place (runtime-c/src/inplace/tfg_conv1x1_inplace_s8.c): input and output
     start at the same arena address; scratch holds block_pixels input pixels. A failing kernel makes invoke() return
     op + 1. -->
<#macro call a>
if (tfg_conv1x1_inplace_s8(${a.data}, ${a.pixels?c}, ${a.in_c?c}, ${a.out_c?c},
                           ${a.filter}, ${a.bias},
                           ${a.input_offset?c}, ${a.output_offset?c},
                           (tfg_per_channel_quant){${a.multipliers}, ${a.shifts}},
                           (tfg_activation){${a.act_min?c}, ${a.act_max?c}}, (int8_t *)${a.scratch},
                           ${a.block_pixels?c}) != TFG_OK) {
    return ${(a.op + 1)?c};
}
</#macro>
