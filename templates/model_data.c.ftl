<#include "header.ftl">
<#if needsMath>
#include <math.h>
</#if>
#include "model_data.h"
<#list arrays as a>

/* ${a.comment} */
const ${a.cType} ${a.name}[${a.length}] TFG_ALIGNED(16) = {
<#list a.lines as line>
    ${line}<#sep>,</#sep>
</#list>
};
</#list>
<#if !arrays?has_content>

/* The model has no constant data; this keeps the translation unit non-empty (ISO C). */
typedef int ${name}_no_constant_data;
</#if>
