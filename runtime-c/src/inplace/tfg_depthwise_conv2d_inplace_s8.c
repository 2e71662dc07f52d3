/*
 * tinyforge runtime: int8 DEPTHWISE_CONV_2D with depth multiplier 1 computed in place: the output is written
 * over the input, which starts at the same address. Output rows are computed one at a time (by
 * tfg_depthwise_conv2d_dsp_s8 on the rows of input they read, so the DSP path runs where there is one) into a
 * ring of rows in scratch; a finished row is copied to its place once every byte it lands on belongs to input
 * rows that no later output row reads (rows before the first input row of the next output row). With stride 1
 * and one row of padding that is one row behind, so the ring holds two rows. One batch.
 */
#include <string.h>
#include "tfg_nn.h"

/* n bytes from src to dst (not overlapping), a word at a time (the C library's memcpy may go byte by byte) */
static void tfg_depthwise_conv2d_inplace_copy(int8_t *dst, const int8_t *src, size_t n)
{
    size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        uint32_t v;
        memcpy(&v, src + i, 4);
        memcpy(dst + i, &v, 4);
    }
    for (; i < n; ++i) {
        dst[i] = src[i];
    }
}

tfg_status tfg_depthwise_conv2d_inplace_s8(int8_t *data, tfg_dims input_dims,
                                           const int8_t *filter, tfg_dims filter_dims,
                                           const int32_t *bias, tfg_dims output_dims,
                                           int32_t stride_h, int32_t stride_w, int32_t dilation_h,
                                           int32_t dilation_w, int32_t pad_h, int32_t pad_w,
                                           int32_t input_offset, int32_t output_offset,
                                           tfg_per_channel_quant quant, tfg_activation act,
                                           const int32_t *packed, const int32_t *requant,
                                           int8_t *scratch, int32_t ring_rows)
{
    const int32_t ch = input_dims.c;
    const size_t in_row = (size_t)input_dims.w * (size_t)ch;   /* bytes of one input row */
    const size_t out_row = (size_t)output_dims.w * (size_t)ch; /* bytes of one output row */
    int32_t head = 0; /* first output row not yet copied into place */
    int32_t oy;

    if (output_dims.c != ch || filter_dims.c != ch || input_dims.n != 1 || output_dims.n != 1 || ring_rows < 1
        || stride_h < 1) {
        return TFG_ERROR;
    }
    for (oy = 0; oy < output_dims.h; ++oy) {
        const int32_t iy0 = oy * stride_h - pad_h; /* input row of the first filter row */
        const int32_t skip = iy0 > 0 ? iy0 : 0;    /* input rows before the ones this output row may read */
        tfg_dims in_dims = input_dims;
        tfg_dims row_dims = output_dims;
        size_t dead;
        if (oy - head >= ring_rows) {
            return TFG_ERROR;
        }
        in_dims.h = input_dims.h - skip;
        row_dims.h = 1;
        if (in_dims.h < 0) {
            in_dims.h = 0;
        }
        if (tfg_depthwise_conv2d_dsp_s8(data + (size_t)skip * in_row, in_dims, filter, filter_dims, bias,
                                        scratch + (size_t)(oy % ring_rows) * out_row, row_dims, 1, 1, stride_w,
                                        dilation_h, dilation_w, skip - iy0, pad_w, input_offset, output_offset,
                                        quant, act, packed, requant) != TFG_OK) {
            return TFG_ERROR;
        }
        /* bytes below the first input row of output row oy + 1 are read by no later row */
        if (oy + 1 < output_dims.h) {
            const int32_t next = (oy + 1) * stride_h - pad_h;
            dead = (size_t)(next > 0 ? next : 0) * in_row;
        } else {
            dead = (size_t)-1;
        }
        while (head <= oy && (size_t)(head + 1) * out_row <= dead) {
            tfg_depthwise_conv2d_inplace_copy(data + (size_t)head * out_row,
                                              scratch + (size_t)(head % ring_rows) * out_row, out_row);
            ++head;
        }
    }
    return TFG_OK;
}
