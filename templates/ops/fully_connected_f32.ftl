<#-- FULLY_CONNECTED float32 (a.fn = tfg_fully_connected_f32, tfg_fully_connected_f16w_f32 for half weights or _cb_f32 with a tfg_codebook_f32 filter;
     runtime-c/src/conv/). a.act is a (tfg_activation_f32){min, max} literal. Failure returns op + 1. -->
<#macro call a>
if (${a.fn}(${a.input}, ${a.filter}, ${a.bias}, ${a.output},
        ${a.batches?c}, ${a.accum_depth?c}, ${a.out_depth?c}, ${a.act}) != TFG_OK) {
    return ${(a.op + 1)?c};
}
</#macro>
