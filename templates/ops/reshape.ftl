<#-- RESHAPE: the bytes do not change. When the planner placed the output on the input (in place) there is
     nothing to do; otherwise the bytes are copied. -->
<#macro call a>
<#if a.inPlace>
/* in place: output shares the input's memory */
<#else>
memcpy(${a.output}, ${a.input}, ${a.bytes});
</#if>
</#macro>
