<#-- AVERAGE_POOL_2D / MAX_POOL_2D float32 (a.fn = tfg_avgpool_f32 or tfg_maxpool_f32; runtime-c/src/basic/).
     a.sizes: batches, in_h, in_w, channels, out_h, out_w, filter_h, filter_w, stride_h, stride_w, pad_h, pad_w. -->
<#macro call a>
${a.fn}(${a.input}, ${a.output}, <#list a.sizes as s>${s?c}, </#list>${a.act});
</#macro>
