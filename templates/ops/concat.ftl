<#-- CONCATENATION int8: args from ConcatenationEmitter -->
<#macro call a>
{
    const int8_t *const tfg_concat_inputs[${a.count?c}] = { <#list a.inputs as i>${i}<#sep>, </#sep></#list> };
    tfg_concat_s8(tfg_concat_inputs, ${a.copySizes}, ${a.count?c}, ${a.outer?c}, ${a.output});
}
</#macro>
