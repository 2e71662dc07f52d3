<#-- ADD / MUL float32 (a.fn = tfg_add_f32 or tfg_mul_f32; runtime-c/src/basic/): 6-D dims and the two inputs'
     strides are const int32 arrays. -->
<#macro call a>
${a.fn}(${a.input1}, ${a.input2}, ${a.output}, ${a.dims}, ${a.strides1}, ${a.strides2}, ${a.act});
</#macro>
