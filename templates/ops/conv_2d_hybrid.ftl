<#-- CONV_2D dynamic range (runtime-c/src/conv/tfg_conv2d_hybrid_s8.c): float input/bias/output, int8 OHWI
     weights with a.scales (per_channel 0: one scale), scratch in the arena. Failure returns op + 1. -->
<#macro dims d>(tfg_dims){${d[0]?c}, ${d[1]?c}, ${d[2]?c}, ${d[3]?c}}</#macro>
<#macro call a>
if (tfg_conv2d_hybrid_s8(${a.input}, <@dims a.input_dims/>,
        ${a.filter}, <@dims a.filter_dims/>,
        ${a.bias},
        ${a.output}, <@dims a.output_dims/>,
        ${a.stride_h?c}, ${a.stride_w?c}, ${a.dilation_h?c}, ${a.dilation_w?c}, ${a.pad_h?c}, ${a.pad_w?c},
        ${a.scales}, ${a.per_channel?c}, ${a.act}, ${a.scratch}) != TFG_OK) {
    return ${(a.op + 1)?c};
}
</#macro>
