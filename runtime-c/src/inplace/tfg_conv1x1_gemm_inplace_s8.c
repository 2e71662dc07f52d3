/*
 * tinyforge runtime: int8 1x1 CONV_2D (stride 1, no padding, one group) computed in place as a GEMM over
 * generator-packed int16 weights (tfg_gemm.h), bit-exact with tfg_conv2d_s8 (TFLM reference). The output is
 * written over the input, which starts at the same address. Pixels go in blocks of four: a block's input pixels
 * are widened into the int16 columns in scratch before tfg_conv2d_gemm_block_s8 writes the block's outputs, so
 * when the output has more channels than the input blocks go last to first (writing pixels [p, p + 4) clobbers
 * input pixels >= p only), otherwise first to last (it clobbers input pixels < p + 4 only).
 */
#include "tfg_nn.h"
#include "tfg_gemm.h"

tfg_status tfg_conv1x1_gemm_inplace_s8(int8_t *data, int32_t pixels, int32_t in_c, int32_t out_c,
                                       const int16_t *filter, const tfg_gemm_channel *channels,
                                       int32_t input_offset, int32_t output_offset, tfg_activation act,
                                       void *scratch)
{
    const int32_t groups = (in_c + 3) >> 2;
    const int32_t full = in_c >> 2;
    const int32_t tail = in_c & 3;
    const int32_t off2 = tfg_gemm_offset2(input_offset);
    const int32_t blocks = (pixels + TFG_GEMM_LANES - 1) / TFG_GEMM_LANES;
    int32_t *cols = (int32_t *)scratch;
    const int32_t c31 = tfg_gemm_all_c31(channels, out_c);
    int32_t i;
    if (scratch == NULL || pixels < 0 || in_c < 1 || out_c < 1) {
        return TFG_ERROR;
    }
    for (i = 0; i < blocks; ++i) {
        /* expanding: the last block first; otherwise the first block first */
        const int32_t b = out_c > in_c ? blocks - 1 - i : i;
        const int32_t p = b * TFG_GEMM_LANES;
        const int32_t n = pixels - p < TFG_GEMM_LANES ? pixels - p : TFG_GEMM_LANES;
        int32_t lane;
        for (lane = 0; lane < TFG_GEMM_LANES; ++lane) {
            /* lanes past the last pixel repeat it; their outputs are not stored */
            const int8_t *src = data + (size_t)(lane < n ? p + lane : pixels - 1) * in_c;
            tfg_gemm_widen(src, cols, full, lane, off2, 2 * TFG_GEMM_LANES);
            if (tail != 0) {
                int8_t last[4] = {0, 0, 0, 0};
                memcpy(last, src + 4 * full, (size_t)tail);
                tfg_gemm_widen(last, cols + 2 * TFG_GEMM_LANES * full, 1, lane, off2, 2 * TFG_GEMM_LANES);
            }
        }
        tfg_conv2d_gemm_block_s8(cols, groups, filter, channels, out_c, data + (size_t)p * out_c, n, output_offset,
                                 act, c31);
    }
    return TFG_OK;
}
