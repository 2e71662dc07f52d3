<#-- DEPTHWISE_CONV_2D int8 (runtime-c/src/conv/tfg_depthwise_conv2d_s8.c, or tfg_depthwise_conv2d_dsp_s8.c with
     the re-ordered filter and requantization table for depth multiplier 1). Dims are {n, h, w, c}; the
     filter's are {1, kh, kw, out channels}. A failing kernel makes invoke() return op + 1. -->
<#macro dims d>(tfg_dims){${d[0]?c}, ${d[1]?c}, ${d[2]?c}, ${d[3]?c}}</#macro>
<#macro call a>
<#if a.packed??><#assign pad = "    "><#else><#assign pad = ""></#if>
if (tfg_depthwise_conv2d_<#if a.packed??>dsp_</#if>s8(${a.input}, <@dims a.input_dims/>,
${pad}                            ${a.filter}, <@dims a.filter_dims/>,
${pad}                            ${a.bias},
${pad}                            ${a.output}, <@dims a.output_dims/>,
${pad}                            ${a.depth_multiplier?c},
${pad}                            ${a.stride_h?c}, ${a.stride_w?c}, ${a.dilation_h?c}, ${a.dilation_w?c}, ${a.pad_h?c}, ${a.pad_w?c},
${pad}                            ${a.input_offset?c}, ${a.output_offset?c},
${pad}                            (tfg_per_channel_quant){${a.multipliers}, ${a.shifts}},
${pad}                            (tfg_activation){${a.act_min?c}, ${a.act_max?c}}<#if a.packed??>,
${pad}                            ${a.packed}, ${a.requant}</#if>) != TFG_OK) {
    return ${(a.op + 1)?c};
}
</#macro>
