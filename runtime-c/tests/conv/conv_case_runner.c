/*
 * Host test driver for the int8 convolution kernels: reads one case from stdin, runs the kernel, writes the
 * output bytes to stdout. Written by ConvKernelsHostCTest (Java), which compares them with the reference.
 *
 * Case layout (little-endian int32 unless noted):
 *   kind (0 = conv2d, 1 = depthwise, 2 = fully connected), 23 parameter words, then the counts
 *   n_input, n_filter, n_bias (0 = no bias), n_quant, n_output, then input (int8 x n_input),
 *   filter (int8 x n_filter), bias (int32 x n_bias), multipliers and shifts (int32 x n_quant each).
 *   conv/depthwise words: input n h w c, filter n h w c, output n h w c, stride h w, dilation h w, pad h w,
 *   input_offset, output_offset, act min max, depth_multiplier.
 *   fully connected words: batches, accum_depth, out_depth, input_offset, filter_offset, output_offset,
 *   per_channel, act min max.
 */
#include <stdio.h>
#include <stdlib.h>
#include "tfg_nn.h"

#define MAX_BYTES (1 << 20)

static int8_t g_input[MAX_BYTES];
static int8_t g_filter[MAX_BYTES];
static int8_t g_output[MAX_BYTES];
static int32_t g_bias[1 << 16];
static int32_t g_mult[1 << 16];
static int32_t g_shift[1 << 16];

static int32_t read_i32(void)
{
    unsigned char b[4];
    if (fread(b, 1, 4, stdin) != 4) {
        fprintf(stderr, "truncated case\n");
        exit(3);
    }
    return (int32_t)((uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24);
}

static void read_bytes(int8_t *dst, int32_t n, int32_t max)
{
    if (n < 0 || n > max || fread(dst, 1, (size_t)n, stdin) != (size_t)n) {
        fprintf(stderr, "bad byte array\n");
        exit(3);
    }
}

static void read_words(int32_t *dst, int32_t n, int32_t max)
{
    int32_t i;
    if (n < 0 || n > max) {
        fprintf(stderr, "bad word array\n");
        exit(3);
    }
    for (i = 0; i < n; ++i) {
        dst[i] = read_i32();
    }
}

static tfg_dims dims_at(const int32_t *p)
{
    tfg_dims d;
    d.n = p[0];
    d.h = p[1];
    d.w = p[2];
    d.c = p[3];
    return d;
}

int main(void)
{
    int32_t p[23];
    int32_t kind = read_i32();
    int32_t n_input;
    int32_t n_filter;
    int32_t n_bias;
    int32_t n_quant;
    int32_t n_output;
    int32_t i;
    tfg_status st;
    tfg_per_channel_quant quant;
    tfg_activation act;
    for (i = 0; i < 23; ++i) {
        p[i] = read_i32();
    }
    n_input = read_i32();
    n_filter = read_i32();
    n_bias = read_i32();
    n_quant = read_i32();
    n_output = read_i32();
    read_bytes(g_input, n_input, MAX_BYTES);
    read_bytes(g_filter, n_filter, MAX_BYTES);
    read_words(g_bias, n_bias, 1 << 16);
    read_words(g_mult, n_quant, 1 << 16);
    read_words(g_shift, n_quant, 1 << 16);
    if (n_output < 0 || n_output > MAX_BYTES) {
        return 3;
    }
    quant.multiplier = g_mult;
    quant.shift = g_shift;
    if (kind == 0 || kind == 1) {
        act.min = p[20];
        act.max = p[21];
        if (kind == 0) {
            st = tfg_conv2d_s8(g_input, dims_at(p), g_filter, dims_at(p + 4), n_bias ? g_bias : NULL, g_output,
                               dims_at(p + 8), p[12], p[13], p[14], p[15], p[16], p[17], p[18], p[19], quant, act);
        } else {
            st = tfg_depthwise_conv2d_s8(g_input, dims_at(p), g_filter, dims_at(p + 4), n_bias ? g_bias : NULL,
                                         g_output, dims_at(p + 8), p[22], p[12], p[13], p[14], p[15], p[16],
                                         p[17], p[18], p[19], quant, act);
        }
    } else if (kind == 2) {
        act.min = p[7];
        act.max = p[8];
        st = tfg_fully_connected_s8(g_input, g_filter, n_bias ? g_bias : NULL, g_output, p[0], p[1], p[2], p[3],
                                    p[4], p[5], quant, p[6], act);
    } else {
        return 3;
    }
    if (st != TFG_OK) {
        fprintf(stderr, "kernel returned %d\n", (int)st);
        return 4;
    }
    if (fwrite(g_output, 1, (size_t)n_output, stdout) != (size_t)n_output) {
        return 5;
    }
    return 0;
}
