<#include "../header.ftl">
/*
 * Host test harness for ${name}: reads records of all inputs concatenated (raw bytes, subgraph order) from
 * argv[1] (or stdin when absent or "-"), and for each record: reset, copy the inputs in, invoke, write all
 * outputs concatenated to argv[2] (or stdout). Exit 0 ok, 2 bad input, 3 invoke failed.
 */
#include <stdio.h>
#include <string.h>

#include "model.h"

#define HARNESS_IN_BYTES (0<#list inputs as t> + ${upper}_INPUT${t.index}_BYTES</#list>)
#define HARNESS_OUT_BYTES (0<#list outputs as t> + ${upper}_OUTPUT${t.index}_BYTES</#list>)

static unsigned char in_record[HARNESS_IN_BYTES > 0 ? HARNESS_IN_BYTES : 1];
static unsigned char out_record[HARNESS_OUT_BYTES > 0 ? HARNESS_OUT_BYTES : 1];

int main(int argc, char **argv)
{
    FILE *in = stdin;
    FILE *out = stdout;
    long records = 0;
    if (argc > 1 && strcmp(argv[1], "-") != 0) {
        in = fopen(argv[1], "rb");
        if (in == NULL) {
            fprintf(stderr, "harness: cannot open %s\n", argv[1]);
            return 2;
        }
    }
    if (argc > 2 && strcmp(argv[2], "-") != 0) {
        out = fopen(argv[2], "wb");
        if (out == NULL) {
            fprintf(stderr, "harness: cannot create %s\n", argv[2]);
            return 2;
        }
    }
    for (;;) {
        size_t got = fread(in_record, 1, HARNESS_IN_BYTES, in);
        if (got == 0) {
            break;
        }
        if (got != (size_t)HARNESS_IN_BYTES) {
            fprintf(stderr, "harness: record %ld is truncated (%lu of %lu bytes)\n", records,
                    (unsigned long)got, (unsigned long)HARNESS_IN_BYTES);
            return 2;
        }
        ${name}_reset();
<#assign off = 0>
<#list inputs as t>
        memcpy(${name}_input(${t.index}), in_record + ${off}, ${upper}_INPUT${t.index}_BYTES);
<#assign off = off + t.bytes>
</#list>
        if (${name}_invoke() != 0) {
            fprintf(stderr, "harness: invoke failed on record %ld\n", records);
            return 3;
        }
<#assign off = 0>
<#list outputs as t>
        memcpy(out_record + ${off}, ${name}_output(${t.index}), ${upper}_OUTPUT${t.index}_BYTES);
<#assign off = off + t.bytes>
</#list>
        if (fwrite(out_record, 1, HARNESS_OUT_BYTES, out) != (size_t)HARNESS_OUT_BYTES) {
            fprintf(stderr, "harness: cannot write output record %ld\n", records);
            return 2;
        }
        records++;
    }
    if (out != stdout && fclose(out) != 0) {
        fprintf(stderr, "harness: cannot close the output\n");
        return 2;
    }
    if (in != stdin) {
        fclose(in);
    }
    return 0;
}
