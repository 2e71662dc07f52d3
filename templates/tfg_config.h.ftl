<#include "header.ftl">
#ifndef TFG_CONFIG_H
#define TFG_CONFIG_H

/* 1: TFLite single-rounding rescaling (TFLITE_SINGLE_ROUNDING); 0: double rounding, as TFLM and CMSIS-NN. */
#define TFG_SINGLE_ROUNDING ${singleRounding?then(1, 0)}

/* The runtime sources that carry at least 1 % of this model's estimated work (MACs, else output elements):
 * firmware builds compile these for speed (-O2) and model.c and every other source for size (-Os). */
#define TFG_HOT_SOURCES "${hotSources?join(" ")}"
<#if (kernelPaths!{})?has_content>

/* Kernel paths this model's calls take (codegen.KernelPaths): 0 leaves a path out of the link. */
<#list kernelPaths as k, v>
#define ${k} ${v?c}
</#list>
</#if>

#endif /* TFG_CONFIG_H */
