<#-- 1x1 CONV_2D int8 in place over generator-packed int16 weights
     (runtime-c/src/inplace/tfg_conv1x1_gemm_inplace_s8.c): input and output start at the same arena address;
     scratch holds four pixels' widened columns. A failing kernel makes invoke() return op + 1. -->
<#macro call a>
if (tfg_conv1x1_gemm_inplace_s8(${a.data}, ${a.pixels?c}, ${a.in_c?c}, ${a.out_c?c},
                                ${a.filter}, ${a.channels}, ${a.input_offset?c}, ${a.zp_after?c},
                                (tfg_activation){${a.act_min?c}, ${a.act_max?c}}, ${a.scratch}) != TFG_OK) {
    return ${(a.op + 1)?c};
}
</#macro>
