<#-- Row mode of templates/ops/conv_1x1_inplace.ftl (codegen.RowCalls): the call's parameters as one const row
     (row_fields, row) and the same kernel call made from a row r (row_call). Keep in step with its call macro. -->
<#macro row_fields a>
int8_t *data;
const int8_t *filter;
const int32_t *bias;
const int32_t *multipliers;
const int32_t *shifts;
void *scratch;
int16_t pixels, in_c, out_c, input_offset, output_offset, act_min, act_max, block_pixels;
</#macro>
<#macro row a>{${a.data}, ${a.filter}, ${a.bias}, ${a.multipliers}, ${a.shifts}, ${a.scratch},
 ${a.pixels?c}, ${a.in_c?c}, ${a.out_c?c}, ${a.input_offset?c}, ${a.output_offset?c}, ${a.act_min?c}, ${a.act_max?c}, ${a.block_pixels?c}}</#macro>
<#macro row_call a>
return tfg_conv1x1_inplace_s8(r->data, r->pixels, r->in_c, r->out_c, r->filter, r->bias, r->input_offset, r->output_offset,
    (tfg_per_channel_quant){r->multipliers, r->shifts}, (tfg_activation){r->act_min, r->act_max},
    (int8_t *)r->scratch, r->block_pixels);
</#macro>
