/* Stand-in model implementation; see model.h. Arena layout: in0 @0, in1 @16, out0 @32, out1 @48, state @52. */
#include <stdint.h>
#include <string.h>
#include "model.h"

static union {
    uint8_t bytes[STUB_ARENA_BYTES];
    int32_t align;
} stub_arena;

void *stub_input(int index)
{
    return index == 0 ? &stub_arena.bytes[0] : index == 1 ? &stub_arena.bytes[16] : NULL;
}

const void *stub_output(int index)
{
    return index == 0 ? &stub_arena.bytes[32] : index == 1 ? &stub_arena.bytes[48] : NULL;
}

void stub_reset(void)
{
    memset(&stub_arena.bytes[52], 0, 4);
}

int stub_invoke(void)
{
    int32_t sum;
    int32_t calls;
    memcpy(&calls, &stub_arena.bytes[52], 4);
    calls++;
    memcpy(&stub_arena.bytes[52], &calls, 4);
    sum = calls;
    for (int i = 0; i < 16; i++) {
        stub_arena.bytes[32 + i] = (uint8_t)(stub_arena.bytes[i] + stub_arena.bytes[16 + i] + 1u);
        sum += (int8_t)stub_arena.bytes[i];
    }
    memcpy(&stub_arena.bytes[48], &sum, 4);
    return 0;
}
