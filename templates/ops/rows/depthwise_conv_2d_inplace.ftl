<#-- Row mode of templates/ops/depthwise_conv_2d_inplace.ftl (codegen.RowCalls, RowColumns): the same kernel call made from a
     const row; f maps each argument slot (a scalar's name, or a list's name + index: input_dims1) to its C
     expression (a constant, or r->field). a = the first call's arguments, which pick the kernel variant.
     Keep in step with its call macro. -->
<#macro row_call a f>
return tfg_depthwise_conv2d_inplace_s8(${f.data}, (tfg_dims){${f.input_dims0}, ${f.input_dims1}, ${f.input_dims2}, ${f.input_dims3}},
    ${f.filter}, (tfg_dims){${f.filter_dims0}, ${f.filter_dims1}, ${f.filter_dims2}, ${f.filter_dims3}}, ${f.bias},
    (tfg_dims){${f.output_dims0}, ${f.output_dims1}, ${f.output_dims2}, ${f.output_dims3}},
    ${f.stride_h}, ${f.stride_w}, ${f.dilation_h}, ${f.dilation_w}, ${f.pad_h}, ${f.pad_w}, ${f.input_offset}, ${f.output_offset},
    (tfg_per_channel_quant){${f.multipliers}, ${f.shifts}}, (tfg_activation){${f.act_min}, ${f.act_max}},
    ${f.packed}, ${f.requant}, (int8_t *)${f.scratch}, ${f.ring_rows});
</#macro>
