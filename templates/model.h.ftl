<#include "header.ftl">
#ifndef ${upper}_MODEL_H
#define ${upper}_MODEL_H

/* Bytes of the one static arena inside model.c (planner: ${planner}; lower bound ${lowerBound}). */
#define ${upper}_ARENA_BYTES ${arenaBytes}
#define ${upper}_INPUT_COUNT ${inputs?size}
#define ${upper}_OUTPUT_COUNT ${outputs?size}
<#list inputs as t>

/* input ${t.index}: '${t.tensor}' ${t.dtype}${t.shape} */
#define ${upper}_INPUT${t.index}_BYTES ${t.bytes}
#define ${upper}_INPUT${t.index}_SCALE ${t.scale}
#define ${upper}_INPUT${t.index}_ZERO_POINT <#if t.zeroPoint < 0>(${t.zeroPoint})<#else>${t.zeroPoint}</#if>
</#list>
<#list outputs as t>

/* output ${t.index}: '${t.tensor}' ${t.dtype}${t.shape} */
#define ${upper}_OUTPUT${t.index}_BYTES ${t.bytes}
#define ${upper}_OUTPUT${t.index}_SCALE ${t.scale}
#define ${upper}_OUTPUT${t.index}_ZERO_POINT <#if t.zeroPoint < 0>(${t.zeroPoint})<#else>${t.zeroPoint}</#if>
</#list>

#ifdef __cplusplus
extern "C" {
#endif

/* Where to write input tensor `index` (raw bytes, C order); NULL for an unknown index. */
void *${name}_input(int index);

/* Where output tensor `index` is after ${name}_invoke(); NULL for an unknown index. */
const void *${name}_output(int index);

/* Resets the state (variable) tensors like TFLM's Reset() (int8: zero point, else 0); call before each
 * independent input or sequence. */
void ${name}_reset(void);

/* Runs the model on the current inputs; returns 0 on success. */
int ${name}_invoke(void);

#ifdef __cplusplus
}
#endif

#endif /* ${upper}_MODEL_H */
