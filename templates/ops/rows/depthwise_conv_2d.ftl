<#-- Row mode of templates/ops/depthwise_conv_2d.ftl (codegen.RowCalls): the call's parameters as one const row
     (row_fields, row) and the same kernel call made from a row r (row_call). Keep in step with its call macro. -->
<#macro row_fields a>
int8_t *input;
const int8_t *filter;
const int32_t *bias;
int8_t *output;
const int32_t *multipliers;
const int32_t *shifts;
<#if a.packed??>
const int32_t *packed;
const int32_t *requant;
</#if>
int16_t input_dims[4], filter_dims[4], output_dims[4];
int16_t depth_multiplier, stride_h, stride_w, dilation_h, dilation_w, pad_h, pad_w;
int16_t input_offset, output_offset, act_min, act_max;
</#macro>
<#macro row a>{${a.input}, ${a.filter}, ${a.bias}, ${a.output}, ${a.multipliers}, ${a.shifts},<#if a.packed??> ${a.packed}, ${a.requant},</#if>
 {${a.input_dims?map(x -> x?c)?join(", ")}}, {${a.filter_dims?map(x -> x?c)?join(", ")}}, {${a.output_dims?map(x -> x?c)?join(", ")}},
 ${a.depth_multiplier?c}, ${a.stride_h?c}, ${a.stride_w?c}, ${a.dilation_h?c}, ${a.dilation_w?c}, ${a.pad_h?c}, ${a.pad_w?c},
 ${a.input_offset?c}, ${a.output_offset?c}, ${a.act_min?c}, ${a.act_max?c}}</#macro>
<#macro row_call a>
return tfg_depthwise_conv2d_<#if a.packed??>dsp_</#if>s8(r->input, (tfg_dims){r->input_dims[0], r->input_dims[1], r->input_dims[2], r->input_dims[3]},
    r->filter, (tfg_dims){r->filter_dims[0], r->filter_dims[1], r->filter_dims[2], r->filter_dims[3]}, r->bias,
    r->output, (tfg_dims){r->output_dims[0], r->output_dims[1], r->output_dims[2], r->output_dims[3]},
    r->depth_multiplier, r->stride_h, r->stride_w, r->dilation_h, r->dilation_w, r->pad_h, r->pad_w,
    r->input_offset, r->output_offset,
    (tfg_per_channel_quant){r->multipliers, r->shifts}, (tfg_activation){r->act_min, r->act_max}<#if a.packed??>, r->packed, r->requant</#if>);
</#macro>
