/*
 * Test driver for tfg_gemmlowp.h: argv[1] names a function; reads little-endian int32 raw values from stdin
 * and writes the function's int32 results (for "reciprocal12": scale then num_bits_over_unit) to stdout.
 */
#include <stdio.h>
#include <string.h>
#include "tfg_gemmlowp.h"

static void put_i32(int32_t v)
{
    const uint32_t u = (uint32_t)v;
    putchar((int)(u & 0xffu));
    putchar((int)((u >> 8) & 0xffu));
    putchar((int)((u >> 16) & 0xffu));
    putchar((int)(u >> 24));
}

int main(int argc, char **argv)
{
    unsigned char b[4];
    if (argc != 2) {
        return 2;
    }
    while (fread(b, 1, 4, stdin) == 4) {
        const int32_t x = (int32_t)((uint32_t)b[0] | ((uint32_t)b[1] << 8) | ((uint32_t)b[2] << 16)
                                    | ((uint32_t)b[3] << 24));
        const char *fn = argv[1];
        if (strcmp(fn, "exp5") == 0) {
            put_i32(tfg_gemmlowp_exp_on_negative_values(x, 5));
        } else if (strcmp(fn, "exp6") == 0) {
            put_i32(tfg_gemmlowp_exp_on_negative_values(x, 6));
        } else if (strcmp(fn, "one_over_one_plus_x") == 0) {
            put_i32(tfg_gemmlowp_one_over_one_plus_x_for_x_in_0_1(x));
        } else if (strcmp(fn, "tanh4") == 0) {
            put_i32(tfg_gemmlowp_tanh(x, 4));
        } else if (strcmp(fn, "logistic4") == 0) {
            put_i32(tfg_gemmlowp_logistic(x, 4));
        } else if (strcmp(fn, "reciprocal12") == 0) {
            int32_t bits;
            put_i32(tfg_gemmlowp_reciprocal(x, 12, &bits));
            put_i32(bits);
        } else {
            return 3;
        }
    }
    return 0;
}
