<#-- Row mode of templates/ops/conv_2d_gemm.ftl (codegen.RowCalls): the call's parameters as one const row
     (row_fields, row) and the same kernel call made from a row r (row_call). Keep in step with its call macro. -->
<#macro row_fields a>
const int8_t *input;
const int16_t *filter;
const tfg_gemm_channel *channels;
int8_t *output;
void *scratch;
int16_t input_dims[4], filter_dims[4], output_dims[4];
int16_t stride_h, stride_w, dilation_h, dilation_w, pad_h, pad_w;
int16_t input_offset, zp_after, act_min, act_max;
</#macro>
<#macro row a>{${a.input}, ${a.filter}, ${a.channels}, ${a.output}, ${a.scratch},
 {${a.input_dims?map(x -> x?c)?join(", ")}}, {${a.filter_dims?map(x -> x?c)?join(", ")}}, {${a.output_dims?map(x -> x?c)?join(", ")}},
 ${a.stride_h?c}, ${a.stride_w?c}, ${a.dilation_h?c}, ${a.dilation_w?c}, ${a.pad_h?c}, ${a.pad_w?c},
 ${a.input_offset?c}, ${a.zp_after?c}, ${a.act_min?c}, ${a.act_max?c}}</#macro>
<#macro row_call a>
return tfg_conv2d_gemm_s8(r->input, (tfg_dims){r->input_dims[0], r->input_dims[1], r->input_dims[2], r->input_dims[3]},
    r->filter, (tfg_dims){r->filter_dims[0], r->filter_dims[1], r->filter_dims[2], r->filter_dims[3]}, r->channels,
    r->output, (tfg_dims){r->output_dims[0], r->output_dims[1], r->output_dims[2], r->output_dims[3]},
    r->stride_h, r->stride_w, r->dilation_h, r->dilation_w, r->pad_h, r->pad_w, r->input_offset, r->zp_after,
    (tfg_activation){r->act_min, r->act_max}, r->scratch);
</#macro>
