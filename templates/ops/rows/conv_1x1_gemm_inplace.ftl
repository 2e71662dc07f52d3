<#-- Row mode of templates/ops/conv_1x1_gemm_inplace.ftl (codegen.RowCalls): the call's parameters as one const
     row (row_fields, row) and the same kernel call made from a row r (row_call). Keep in step with its call macro. -->
<#macro row_fields a>
int8_t *data;
const int16_t *filter;
const tfg_gemm_channel *channels;
void *scratch;
int16_t pixels, in_c, out_c, input_offset, zp_after, act_min, act_max;
</#macro>
<#macro row a>{${a.data}, ${a.filter}, ${a.channels}, ${a.scratch},
 ${a.pixels?c}, ${a.in_c?c}, ${a.out_c?c}, ${a.input_offset?c}, ${a.zp_after?c}, ${a.act_min?c}, ${a.act_max?c}}</#macro>
<#macro row_call a>
return tfg_conv1x1_gemm_inplace_s8(r->data, r->pixels, r->in_c, r->out_c, r->filter, r->channels, r->input_offset,
    r->zp_after, (tfg_activation){r->act_min, r->act_max}, r->scratch);
</#macro>
