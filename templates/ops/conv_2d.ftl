<#-- CONV_2D int8 (runtime-c/src/conv/tfg_conv2d_s8.c, or tfg_conv2d_dsp_s8.c with arena scratch when ungrouped). Dims are {n, h, w, c}; the filter's are {out channels,
     kh, kw, in channels per group}. A failing kernel (inconsistent dims) makes invoke() return op + 1. -->
<#macro dims d>(tfg_dims){${d[0]?c}, ${d[1]?c}, ${d[2]?c}, ${d[3]?c}}</#macro>
<#macro call a>
<#if a.scratch??><#assign pad = "    "><#else><#assign pad = ""></#if>
if (tfg_conv2d_<#if a.scratch??>dsp_</#if>s8(${a.input}, <@dims a.input_dims/>,
${pad}                  ${a.filter}, <@dims a.filter_dims/>,
${pad}                  ${a.bias},
${pad}                  ${a.output}, <@dims a.output_dims/>,
${pad}                  ${a.stride_h?c}, ${a.stride_w?c}, ${a.dilation_h?c}, ${a.dilation_w?c}, ${a.pad_h?c}, ${a.pad_w?c},
${pad}                  ${a.input_offset?c}, ${a.output_offset?c},
${pad}                  (tfg_per_channel_quant){${a.multipliers}, ${a.shifts}},
${pad}                  (tfg_activation){${a.act_min?c}, ${a.act_max?c}}<#if a.scratch??>, ${a.scratch}</#if>) != TFG_OK) {
    return ${(a.op + 1)?c};
}
</#macro>
