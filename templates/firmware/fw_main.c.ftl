<#import "_header.ftl" as h>
/*
<@h.banner c=" *"/>
 * Test program: runs the [=vectors.count] embedded input vectors through [=model.name] and prints each
 * vector's outputs (all output tensors concatenated, raw bytes) as one line "OUT <hex>", then the stack
 * high-water mark as "STACK <bytes>" and "DONE".
 * fw_mark_begin()/fw_mark_end() bracket each inference for the instruction-count plugin; the first,
 * empty bracket measures the marker overhead.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "fw_console.h"
#include "fw_stack.h"
#include "fw_vectors.h"
#include "model.h"

/* Markers: their addresses are what the instruction-count plugin watches. */
__attribute__((noinline)) void fw_mark_begin(void);
__attribute__((noinline)) void fw_mark_end(void);

__attribute__((noinline)) void fw_mark_begin(void)
{
    __asm__ volatile ("" ::: "memory");
}

__attribute__((noinline)) void fw_mark_end(void)
{
    __asm__ volatile ("" ::: "memory");
}

extern uint32_t _sstack, _estack;

uint32_t fw_stack_used(void)
{
    const uint32_t *p = &_sstack;
    while (p < &_estack && *p == FW_STACK_PAINT) {
        p++;
    }
    return (uint32_t)((uintptr_t)&_estack - (uintptr_t)p);
}

static void fw_print_decimal_line(const char *prefix, uint32_t value)
{
    char buf[12];
    int n = 11;
    buf[n] = '\0';
    buf[--n] = '\n';
    do {
        buf[--n] = (char)('0' + value % 10u);
        value /= 10u;
    } while (value != 0u);
    fw_console_write(prefix);
    fw_console_write(&buf[n]);
}

static void fw_print_hex_line(const char *prefix, const uint8_t *bytes, size_t count)
{
    static const char digits[] = "0123456789abcdef";
    char buf[66];
    size_t used = 0;
    fw_console_write(prefix);
    for (size_t i = 0; i < count; i++) {
        buf[used++] = digits[bytes[i] >> 4];
        buf[used++] = digits[bytes[i] & 0xFu];
        if (used == 64) {
            buf[used] = '\0';
            fw_console_write(buf);
            used = 0;
        }
    }
    buf[used++] = '\n';
    buf[used] = '\0';
    fw_console_write(buf);
}

int main(void)
{
    fw_mark_begin();
    fw_mark_end();
    for (size_t v = 0; v < FW_VECTOR_COUNT; v++) {
        const uint8_t *record = fw_vector_inputs + v * FW_VECTOR_INPUT_BYTES;
        int status;
        [=model.name]_reset();
<#list model.inputBytes as bytes>
        memcpy([=model.name]_input([=bytes?index]), record + [=model.inputOffsets[bytes?index]?c], [=model.upper]_INPUT[=bytes?index]_BYTES);
</#list>
        fw_mark_begin();
        status = [=model.name]_invoke();
        fw_mark_end();
        if (status != 0) {
            fw_console_write("INVOKE FAILED\n");
            return 3;
        }
<#if model.outputBytes?size == 1>
        fw_print_hex_line("OUT ", (const uint8_t *)[=model.name]_output(0), [=model.upper]_OUTPUT0_BYTES);
<#else>
        {
            static uint8_t outputs[FW_VECTOR_OUTPUT_BYTES];
<#list model.outputBytes as bytes>
            memcpy(outputs + [=model.outputOffsets[bytes?index]?c], [=model.name]_output([=bytes?index]), [=model.upper]_OUTPUT[=bytes?index]_BYTES);
</#list>
            fw_print_hex_line("OUT ", outputs, FW_VECTOR_OUTPUT_BYTES);
        }
</#if>
    }
    fw_print_decimal_line("STACK ", fw_stack_used());
    fw_console_write("DONE\n");
    return 0;
}
