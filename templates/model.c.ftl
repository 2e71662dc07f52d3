<#include "header.ftl">
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "model.h"
#include "model_data.h"
#include "tfg_nn.h"

/* Activations, state and scratch: ${arenaBytes} bytes planned by '${planner}' (lower bound ${lowerBound}). */
static uint8_t tfg_arena[${(arenaBytes > 0)?then(arenaBytes, 16)}] TFG_ALIGNED(16);

void *${name}_input(int index)
{
    switch (index) {
<#list inputs as t>
    case ${t.index}:
        return tfg_arena + ${t.offset};
</#list>
    default:
        return NULL;
    }
}

const void *${name}_output(int index)
{
    switch (index) {
<#list outputs as t>
    case ${t.index}:
        return tfg_arena + ${t.offset};
</#list>
    default:
        return NULL;
    }
}

void ${name}_reset(void)
{
<#list states as s>
    memset(tfg_arena + ${s.offset}, ${s.fill}, ${s.bytes}); /* state tensor ${s.tensor} */
</#list>
}

int ${name}_invoke(void)
{
<#list calls as c>
<#import "ops/${c.template}.ftl" as op>
<#assign text><@op.call a=c.args/></#assign>
<#if c?index != 0>

</#if>
    /* operator ${c.index}: ${c.type} ${c.summary} */
${indent(text, 4)}<#t>
</#list>
    return 0;
}
