<#include "header.ftl">
#ifndef ${upper}_MODEL_DATA_H
#define ${upper}_MODEL_DATA_H

#include <stdint.h>

#ifndef TFG_ALIGNED
#if defined(__GNUC__) || defined(__clang__)
#define TFG_ALIGNED(n) __attribute__((aligned(n)))
#else
#define TFG_ALIGNED(n)
#endif
#endif

#ifdef __cplusplus
extern "C" {
#endif

<#list arrays as a>
extern const ${a.cType} ${a.name}[${a.length}];
</#list>

#ifdef __cplusplus
}
#endif

#endif /* ${upper}_MODEL_DATA_H */
