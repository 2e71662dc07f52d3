<#-- CONV_2D int8 with entropy-coded sparse weights (runtime-c/src/conv/tfg_conv2d_spc_s8.c): as conv_2d.ftl, but a.filter
     is a tfg_sparse_coded compound literal. A failing kernel makes invoke() return op + 1. -->
<#macro dims d>(tfg_dims){${d[0]?c}, ${d[1]?c}, ${d[2]?c}, ${d[3]?c}}</#macro>
<#macro call a>
if (tfg_conv2d_spc_s8(${a.input}, <@dims a.input_dims/>,
                     ${a.filter}, <@dims a.filter_dims/>,
                     ${a.bias},
                     ${a.output}, <@dims a.output_dims/>,
                     ${a.stride_h?c}, ${a.stride_w?c}, ${a.dilation_h?c}, ${a.dilation_w?c}, ${a.pad_h?c}, ${a.pad_w?c},
                     ${a.input_offset?c}, ${a.output_offset?c},
                     (tfg_per_channel_quant){${a.multipliers}, ${a.shifts}},
                     (tfg_activation){${a.act_min?c}, ${a.act_max?c}}) != TFG_OK) {
    return ${(a.op + 1)?c};
}
</#macro>
