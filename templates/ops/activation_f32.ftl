<#-- float32 element-wise activation: a.fn is tfg_relu_f32 (a.extra = ", (tfg_activation_f32){lo, hi}"),
     tfg_logistic_f32 or tfg_tanh_f32 (a.extra empty); a.n elements. -->
<#macro call a>
${a.fn}(${a.input}, ${a.output}, ${a.n?c}${a.extra});
</#macro>
