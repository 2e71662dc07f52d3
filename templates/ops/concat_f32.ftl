<#-- CONCATENATION float32 (runtime-c/src/basic/tfg_concat_f32.c): copy sizes in elements. -->
<#macro call a>
{
    const float *const tfg_concat_inputs[${a.count?c}] = { <#list a.inputs as i>${i}<#sep>, </#sep></#list> };
    tfg_concat_f32(tfg_concat_inputs, ${a.copySizes}, ${a.count?c}, ${a.outer?c}, ${a.output});
}
</#macro>
