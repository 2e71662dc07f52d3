<#-- CONV_2D float32 (a.fn = tfg_conv2d_f32, tfg_conv2d_f16w_f32 or tfg_conv2d_cb_f32 with a tfg_codebook_f32 filter; runtime-c/src/conv/). Dims {n, h, w, c};
     the filter's {out channels, kh, kw, in channels per group}. Failure returns op + 1. -->
<#macro dims d>(tfg_dims){${d[0]?c}, ${d[1]?c}, ${d[2]?c}, ${d[3]?c}}</#macro>
<#macro call a>
if (${a.fn}(${a.input}, <@dims a.input_dims/>,
        ${a.filter}, <@dims a.filter_dims/>,
        ${a.bias},
        ${a.output}, <@dims a.output_dims/>,
        ${a.stride_h?c}, ${a.stride_w?c}, ${a.dilation_h?c}, ${a.dilation_w?c}, ${a.pad_h?c}, ${a.pad_w?c},
        ${a.act}) != TFG_OK) {
    return ${(a.op + 1)?c};
}
</#macro>
