<#-- CONV_2D int8 as a GEMM over generator-packed int16 weights (runtime-c/src/conv/tfg_conv2d_gemm_s8.c):
     filter and channels (folded bias and requantization per output channel) are flash arrays written by
     codegen/ops/GemmWeights. Dims are {n, h, w, c}. A failing kernel makes invoke() return op + 1. -->
<#macro dims d>(tfg_dims){${d[0]?c}, ${d[1]?c}, ${d[2]?c}, ${d[3]?c}}</#macro>
<#macro call a>
if (tfg_conv2d_gemm_s8(${a.input}, <@dims a.input_dims/>,
                       ${a.filter}, <@dims a.filter_dims/>,
                       ${a.channels},
                       ${a.output}, <@dims a.output_dims/>,
                       ${a.stride_h?c}, ${a.stride_w?c}, ${a.dilation_h?c}, ${a.dilation_w?c}, ${a.pad_h?c}, ${a.pad_w?c},
                       ${a.input_offset?c}, ${a.zp_after?c}, (tfg_activation){${a.act_min?c}, ${a.act_max?c}}, ${a.scratch}) != TFG_OK) {
    return ${(a.op + 1)?c};
}
</#macro>
