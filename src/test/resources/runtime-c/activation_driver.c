/*
 * Test driver for the activation kernels: reads cases from stdin and writes each case's output to stdout.
 * A case is 7 little-endian int32 (kind, rows, depth, p0, p1, p2, p3) then rows * depth int8 inputs.
 * kind 0: tfg_softmax_s8 (p0 multiplier, p1 left shift, p2 diff_min); 1: tfg_softmax_s8_s16 (int16 output,
 * little-endian); 2: tfg_logistic_s8 and 3: tfg_tanh_s8 (p0 zero point, p1 radius, p2 multiplier, p3 shift).
 */
#include <stdio.h>
#include <stdlib.h>
#include "tfg_nn.h"

static int read_i32(int32_t *v)
{
    unsigned char b[4];
    if (fread(b, 1, 4, stdin) != 4) {
        return 0;
    }
    *v = (int32_t)((uint32_t)b[0] | ((uint32_t)b[1] << 8) | ((uint32_t)b[2] << 16) | ((uint32_t)b[3] << 24));
    return 1;
}

int main(void)
{
    int32_t h[7];
    while (read_i32(&h[0])) {
        int k;
        size_t n;
        int8_t *in;
        for (k = 1; k < 7; k++) {
            if (!read_i32(&h[k])) {
                return 3;
            }
        }
        n = (size_t)h[1] * (size_t)h[2];
        if (h[0] >= 4) {
            int16_t *in16 = (int16_t *)malloc(2 * n + 2);
            int16_t *out16 = (int16_t *)malloc(2 * n + 2);
            int16_t luts[2 * 513];
            size_t i;
            if (in16 == NULL || out16 == NULL) {
                return 5;
            }
            for (i = 0; h[0] == 6 && i < 2 * 513; i++) {
                unsigned char b[2];
                if (fread(b, 1, 2, stdin) != 2) {
                    return 4;
                }
                luts[i] = (int16_t)(uint16_t)((unsigned)b[0] | ((unsigned)b[1] << 8));
            }
            for (i = 0; i < n; i++) {
                unsigned char b[2];
                if (fread(b, 1, 2, stdin) != 2) {
                    return 4;
                }
                in16[i] = (int16_t)(uint16_t)((unsigned)b[0] | ((unsigned)b[1] << 8));
            }
            if (h[0] == 4) {
                tfg_logistic_lut_s16(in16, (int32_t)n, h[3], h[4], out16);
            } else if (h[0] == 6) {
                tfg_softmax_s16(in16, h[1], h[2], h[3], h[4], luts, luts + 513, out16);
            } else {
                tfg_tanh_lut_s16(in16, (int32_t)n, h[3], h[4], out16);
            }
            for (i = 0; i < n; i++) {
                const uint16_t u = (uint16_t)out16[i];
                putchar(u & 0xff);
                putchar(u >> 8);
            }
            free(in16);
            free(out16);
            continue;
        }
        in = (int8_t *)malloc(n + 1);
        if (in == NULL || fread(in, 1, n, stdin) != n) {
            return 4;
        }
        if (h[0] == 1) {
            int16_t *out = (int16_t *)malloc(2 * n + 2);
            size_t i;
            if (out == NULL) {
                return 5;
            }
            tfg_softmax_s8_s16(in, h[1], h[2], h[3], h[4], h[5], out);
            for (i = 0; i < n; i++) {
                const uint16_t u = (uint16_t)out[i];
                putchar(u & 0xff);
                putchar(u >> 8);
            }
            free(out);
        } else {
            int8_t *out = (int8_t *)malloc(n + 1);
            if (out == NULL) {
                return 5;
            }
            if (h[0] == 0) {
                tfg_softmax_s8(in, h[1], h[2], h[3], h[4], h[5], out);
            } else if (h[0] == 2) {
                tfg_logistic_s8(in, h[1] * h[2], h[3], h[4], h[5], h[6], out);
            } else {
                tfg_tanh_s8(in, h[1] * h[2], h[3], h[4], h[5], h[6], out);
            }
            fwrite(out, 1, n, stdout);
            free(out);
        }
        free(in);
    }
    return 0;
}
