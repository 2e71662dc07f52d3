<#import "_header.ftl" as h>
/*
<@h.banner c=" *"/>
 * [=vectors.source]
 */
#include "fw_vectors.h"

const uint8_t fw_vector_inputs[FW_VECTOR_COUNT * FW_VECTOR_INPUT_BYTES] = {
<#list vectors.rows as row>
    <#list row as b>[=b?c],<#sep> </#sep></#list>
</#list>
};
