<#-- DEPTHWISE_CONV_2D int8, depth multiplier 1, computed in place
     (runtime-c/src/inplace/tfg_depthwise_conv2d_inplace_s8.c): input and output start at the same arena
     address; scratch holds a ring of ring_rows output rows. A failing kernel makes invoke() return op + 1. -->
<#macro dims d>(tfg_dims){${d[0]?c}, ${d[1]?c}, ${d[2]?c}, ${d[3]?c}}</#macro>
<#macro call a>
if (tfg_depthwise_conv2d_inplace_s8(${a.data}, <@dims a.input_dims/>,
                                    ${a.filter}, <@dims a.filter_dims/>,
                                    ${a.bias}, <@dims a.output_dims/>,
                                    ${a.stride_h?c}, ${a.stride_w?c}, ${a.dilation_h?c}, ${a.dilation_w?c},
                                    ${a.pad_h?c}, ${a.pad_w?c},
                                    ${a.input_offset?c}, ${a.output_offset?c},
                                    (tfg_per_channel_quant){${a.multipliers}, ${a.shifts}},
                                    (tfg_activation){${a.act_min?c}, ${a.act_max?c}},
                                    ${a.packed}, ${a.requant},
                                    (int8_t *)${a.scratch}, ${a.ring_rows?c}) != TFG_OK) {
    return ${(a.op + 1)?c};
}
</#macro>
