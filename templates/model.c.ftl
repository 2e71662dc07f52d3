<#include "header.ftl">
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "model.h"
#include "model_data.h"
#include "tfg_nn.h"

/* Activations, state and scratch: ${arenaBytes} bytes planned by '${planner}' (lower bound ${lowerBound}). */
static uint8_t tfg_arena[${(arenaBytes > 0)?then(arenaBytes, 16)}] TFG_ALIGNED(16);

<#list rowGroups as g>
<#import "ops/rows/${g.template}.ftl" as op>
<#assign fields><@op.row_fields a=g.first/></#assign>
<#assign callText><@op.row_call a=g.first/></#assign>
/* The parameters of ${g.rows?size} ${g.template} calls as const rows (flash), called from one place. */
typedef struct {
${indent(fields, 4)}<#t>
} ${name}_${g.name}_row;

static const ${name}_${g.name}_row ${name}_${g.name}_rows[${g.rows?size}] = {
<#list g.rows as a>
<#assign rowText><@op.row a=a/></#assign>
${indent(rowText, 4)?remove_ending("\n")}<#sep>,</#sep>
</#list>
};

static tfg_status ${name}_${g.name}(const ${name}_${g.name}_row *r)
{
${indent(callText, 4)}<#t>
}

</#list>
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
<#if rowRefs[c.index?c]??>
<#assign ref = rowRefs[c.index?c]>
<#assign text>
if (${name}_${ref.group}(&${name}_${ref.group}_rows[${ref.row?c}]) != TFG_OK) {
    return ${(c.args.op + 1)?c};
}
</#assign>
<#else>
<#assign text><@op.call a=c.args/></#assign>
</#if>
<#if c?index != 0>

</#if>
    /* operator ${c.index}: ${c.type} ${c.summary} */
${indent(text, 4)}<#t>
</#list>
    return 0;
}
