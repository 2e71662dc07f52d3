<#-- Row mode of templates/ops/conv_1x1_gemm_inplace.ftl (codegen.RowCalls, RowColumns): the same kernel call made from a
     const row; f maps each argument slot (a scalar's name, or a list's name + index: input_dims1) to its C
     expression (a constant, or r->field). a = the first call's arguments, which pick the kernel variant.
     Keep in step with its call macro. -->
<#macro row_call a f>
return tfg_conv1x1_gemm_inplace_s8(${f.data}, ${f.pixels}, ${f.in_c}, ${f.out_c}, ${f.filter}, ${f.channels}, ${f.input_offset},
    ${f.zp_after}, (tfg_activation){${f.act_min}, ${f.act_max}}, ${f.scratch});
</#macro>
