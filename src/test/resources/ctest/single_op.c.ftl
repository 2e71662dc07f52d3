<#-- Host test program for one operator: reads its non-constant inputs (state included) from stdin, runs the
     operator's template call `repeat` times, writes its outputs and then its state tensors to stdout. -->
<#import "/templates/ops/${template}.ftl" as op>
#include <stdio.h>
#include <stdint.h>
#include <stddef.h>

#include "tfg_nn.h"

<#list arrays as c>
<#if c.constant>
static const ${c.ctype} ${c.name}[${c.length}] = {${c.values}};
<#else>
static ${c.ctype} ${c.name}[${c.length}];
</#if>
</#list>
static int32_t tfg_scratch[${scratchWords}];

int main(void)
{
    int r;
<#list reads as n>
    if (fread(${n}, 1, sizeof ${n}, stdin) != sizeof ${n}) {
        return 2;
    }
</#list>
    for (r = 0; r < ${repeat}; r++) {
<@op.call a=args/>
    }
<#list writes as n>
    if (fwrite(${n}, 1, sizeof ${n}, stdout) != sizeof ${n}) {
        return 3;
    }
</#list>
    return 0;
}
