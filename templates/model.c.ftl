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
<#assign callText><@op.row_call a=g.first f=g.expr/></#assign>
/* The parameters of ${g.values?size} ${g.template} calls as const rows (flash), called from one place; arguments
 * equal in every call are constants in the helper. */
typedef struct {
<#list g.fields as f>
    ${f.type}<#if !f.type?ends_with("*")> </#if>${f.name};
</#list>
} ${name}_${g.name}_row;

static const ${name}_${g.name}_row ${name}_${g.name}_rows[${g.values?size}] = {
<#list g.values as v>
    {${v?join(", ")}}<#sep>,</#sep>
</#list>
};

static tfg_status ${name}_${g.name}(const void *row)
{
    const ${name}_${g.name}_row *r = (const ${name}_${g.name}_row *)row;
${indent(callText, 4)}<#t>
}

</#list>
<#if steps?has_content>
<#assign stepGroups = []>
<#list steps as st><#if !stepGroups?seq_contains(st.group)><#assign stepGroups = stepGroups + [st.group]></#if></#list>
<#assign stepType = (steps?map(st -> st.row)?max > 255)?then("uint16_t", "uint8_t")>
/* Row calls of consecutive operators, run in order by ${name}_run: {helper (<#list stepGroups as sg>${sg?index} ${sg}<#sep>, </#sep></#list>), row}. */
static const ${stepType} ${name}_steps[${steps?size}][2] = {
<#list steps as st>
    {${stepGroups?seq_index_of(st.group)?c}, ${st.row?c}}<#sep>,</#sep>
</#list>
};

/* Runs steps [first, last), the first being operator op0: 0, or the failing operator + 1. */
static int ${name}_run(int first, int last, int op0)
{
    int i;
    for (i = first; i < last; ++i) {
        const ${stepType} *s = ${name}_steps[i];
        tfg_status status;
<#if stepGroups?size == 1>
        status = ${name}_${stepGroups[0]}(&${name}_${stepGroups[0]}_rows[s[1]]);
<#else>
        switch (s[0]) {
<#list stepGroups as sg>
<#if sg?has_next>
        case ${sg?index}:
<#else>
        default:
</#if>
            status = ${name}_${sg}(&${name}_${sg}_rows[s[1]]);
            break;
</#list>
        }
</#if>
        if (status != TFG_OK) {
            return op0 + (i - first) + 1;
        }
    }
    return 0;
}

</#if>
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
<#if stepRuns?has_content>
    int status;

</#if>
<#list calls as c>
<#import "ops/${c.template}.ftl" as op>
<#if stepRuns[c.index?c]??>
<#assign run = stepRuns[c.index?c]>
<#if c?index != 0>

</#if>
    /* operators ${run.op0?c} to ${(run.op0 + run.last - run.first - 1)?c}: steps ${run.first?c} to ${(run.last - 1)?c} of ${name}_steps */
<#list calls[c?index..(c?index + run.last - run.first - 1)] as d>
    /* operator ${d.index}: ${d.type} ${d.summary} */
</#list>
    status = ${name}_run(${run.first?c}, ${run.last?c}, ${run.op0?c});
    if (status != 0) {
        return status;
    }
<#elseif !inStepRuns[c.index?c]??>
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
</#if>
</#list>
    return 0;
}
