/*
 * tinyforge runtime: int8 1x1 CONV_2D (stride 1, no padding, one group) computed in place: the output is
 * written over the input, which starts at the same address. Each output pixel depends only on the input pixel
 * at the same position, so pixels are handled in blocks of up to block_pixels: the block's input pixels are
 * copied to scratch and tfg_conv2d_s8 computes the block's output pixels from that copy into their final place.
 * When the output has more channels than the input, blocks go last to first (writing pixels [p, p + n) clobbers
 * input pixels >= p only); otherwise first to last (it clobbers input pixels < p + n only). Same arithmetic and
 * bytes as tfg_conv2d_s8 on the whole tensor (TFLM reference/integer_ops/conv.h).
 */
#include "tfg_nn.h"

tfg_status tfg_conv1x1_inplace_s8(int8_t *data, int32_t pixels, int32_t in_c, int32_t out_c,
                                  const int8_t *filter, const int32_t *bias,
                                  int32_t input_offset, int32_t output_offset,
                                  tfg_per_channel_quant quant, tfg_activation act, int8_t *scratch,
                                  int32_t block_pixels)
{
    tfg_dims in_dims;
    tfg_dims filter_dims;
    tfg_dims out_dims;
    int32_t done;
    if (pixels < 0 || in_c < 1 || out_c < 1 || block_pixels < 1) {
        return TFG_ERROR;
    }
    in_dims.n = 1;
    in_dims.h = 1;
    in_dims.c = in_c;
    filter_dims.n = out_c;
    filter_dims.h = 1;
    filter_dims.w = 1;
    filter_dims.c = in_c;
    out_dims = in_dims;
    out_dims.c = out_c;
    for (done = 0; done < pixels; done += block_pixels) {
        const int32_t n = pixels - done < block_pixels ? pixels - done : block_pixels;
        /* expanding: the last block first; otherwise the first block first */
        const int32_t p = out_c > in_c ? pixels - done - n : done;
        const int8_t *x = data + (size_t)p * in_c;
        int32_t i;
        for (i = 0; i < n * in_c; ++i) {
            scratch[i] = x[i];
        }
        in_dims.w = n;
        out_dims.w = n;
        if (tfg_conv2d_s8(scratch, in_dims, filter, filter_dims, bias, data + (size_t)p * out_c, out_dims, 1, 1, 1,
                          1, 0, 0, input_offset, output_offset, quant, act) != TFG_OK) {
            return TFG_ERROR;
        }
    }
    return TFG_OK;
}
