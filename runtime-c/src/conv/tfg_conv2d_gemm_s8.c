/*
 * tinyforge runtime: int8 CONV_2D (one group) as a GEMM over generator-packed int16 weights (tfg_gemm.h),
 * bit-exact with tfg_conv2d_s8 (TFLM reference). Output pixels are taken four at a time: each one's receptive
 * field is gathered into an int8 row (taps outside the input hold the input zero point, which widens to 0 and
 * contributes nothing, as TFLM skips them; the row is zero-padded to whole groups of four), widened once to
 * int16 with the input offset into one lane of the block's columns, and tfg_conv2d_gemm_block_s8 computes the
 * block's outputs for every channel. 1x1 convolutions whose channel count is a multiple of four widen the input
 * pixel directly. The same code runs on every core: DSP instructions where available, portable C elsewhere.
 */
#include "tfg_nn.h"
#include "tfg_gemm.h"

/* n bytes from src to dst, a word at a time (a library memcpy call costs more than these few bytes; the tail byte by byte) */
static inline void tfg_conv2d_gemm_copy(int8_t *dst, const int8_t *src, int32_t n)
{
    for (; n >= 4; n -= 4) {
        uint32_t v;
        memcpy(&v, src, 4);
        memcpy(dst, &v, 4);
        src += 4;
        dst += 4;
    }
    if (n > 0) {
        dst[0] = src[0];
        if (n > 1) {
            dst[1] = src[1];
            if (n > 2) {
                dst[2] = src[2];
            }
        }
    }
}

/* n bytes of v at dst (the tail written byte by byte, so that the loop does not become a memset call) */
static inline void tfg_conv2d_gemm_fill(int8_t *dst, int8_t v, int32_t n)
{
    const uint32_t v4 = (uint32_t)(uint8_t)v * 0x01010101u;
    for (; n >= 4; n -= 4) {
        memcpy(dst, &v4, 4);
        dst += 4;
    }
    if (n > 0) {
        dst[0] = v;
        if (n > 1) {
            dst[1] = v;
            if (n > 2) {
                dst[2] = v;
            }
        }
    }
}

/*
 * The int8 receptive field of a window cut by the padding into r (fd.h * fd.w * in.c bytes; taps outside the
 * input hold the zero point zp). Without column dilation each row is lead bytes of zp, the inside taps copied
 * in one piece, trail bytes of zp. Out of line: the whole windows' path keeps its registers.
 */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static void tfg_conv2d_gemm_gather_cut(const int8_t *batch, tfg_dims in, tfg_dims fd, int32_t iy0, int32_t ix0,
                                       int32_t dilation_h, int32_t dilation_w, int8_t zp, int8_t *r)
{
    const int32_t span = fd.w * in.c;
    const int32_t in_row = in.w * in.c;
    int32_t ky;
    if (dilation_w == 1) {
        const int32_t kx0 = ix0 < 0 ? (-ix0 < fd.w ? -ix0 : fd.w) : 0;
        const int32_t kx1 = in.w - ix0 < fd.w ? (in.w - ix0 > kx0 ? in.w - ix0 : kx0) : fd.w;
        const int32_t lead = kx0 * in.c;
        const int32_t mid = (kx1 - kx0) * in.c;
        for (ky = 0; ky < fd.h; ++ky) {
            const int32_t iy = iy0 + dilation_h * ky;
            if (iy < 0 || iy >= in.h) {
                tfg_conv2d_gemm_fill(r, zp, span);
            } else {
                tfg_conv2d_gemm_fill(r, zp, lead);
                tfg_conv2d_gemm_copy(r + lead, batch + (size_t)iy * in_row + (size_t)(ix0 + kx0) * in.c, mid);
                tfg_conv2d_gemm_fill(r + lead + mid, zp, span - lead - mid);
            }
            r += span;
        }
        return;
    }
    for (ky = 0; ky < fd.h; ++ky) {
        const int32_t iy = iy0 + dilation_h * ky;
        int32_t kx;
        for (kx = 0; kx < fd.w; ++kx) {
            const int32_t ix = ix0 + dilation_w * kx;
            const int inside = iy >= 0 && iy < in.h && ix >= 0 && ix < in.w;
            int32_t c;
            for (c = 0; c < in.c; ++c) {
                *r++ = inside ? batch[(size_t)iy * in_row + (size_t)ix * in.c + c] : zp;
            }
        }
    }
}

/* the receptive field of output pixel p (of the whole batch), widened into lane `lane` of cols */
static void tfg_conv2d_gemm_gather(const int8_t *input, tfg_dims in, tfg_dims fd, tfg_dims od, int32_t p,
                                   int32_t stride_h, int32_t stride_w, int32_t dilation_h, int32_t dilation_w,
                                   int32_t pad_h, int32_t pad_w, int32_t input_offset, int32_t groups,
                                   int8_t *row8, int32_t *cols, int32_t lane)
{
    const int32_t off2 = tfg_gemm_offset2(input_offset);
    const int32_t ox = p % od.w;
    const int32_t oy = (p / od.w) % od.h;
    const int32_t b = p / (od.w * od.h);
    const int32_t iy0 = oy * stride_h - pad_h;
    const int32_t ix0 = ox * stride_w - pad_w;
    const int32_t k = fd.h * fd.w * in.c;
    const int32_t span = fd.w * in.c;
    const int32_t in_row = in.w * in.c;
    const int8_t *batch = input + (size_t)b * in.h * in_row;
    const int8_t zp = (int8_t)(-input_offset);
    const int whole_row = dilation_w == 1 && ix0 >= 0 && ix0 + fd.w <= in.w;
    int8_t *r = row8;
    int32_t ky;
    if (fd.h == 1 && fd.w == 1 && (k & 3) == 0 && iy0 >= 0 && iy0 < in.h && ix0 >= 0 && ix0 < in.w) {
        tfg_gemm_widen(batch + ((size_t)iy0 * in.w + ix0) * in.c, cols, groups, lane, off2, 2 * TFG_GEMM_LANES);
        return;
    }
    if (whole_row && iy0 >= 0 && iy0 + dilation_h * (fd.h - 1) < in.h) {
        /* a whole window: fd.h rows of span contiguous bytes, dilation_h input rows apart */
        const int8_t *src = batch + (size_t)iy0 * in_row + (size_t)ix0 * in.c;
        const int32_t step = dilation_h * in_row;
        if ((span & 3) == 0) {
            /* each row is whole groups: widened straight from the input */
            int32_t *dst = cols;
            for (ky = 0; ky < fd.h; ++ky) {
                tfg_gemm_widen(src, dst, span >> 2, lane, off2, 2 * TFG_GEMM_LANES);
                dst += 2 * TFG_GEMM_LANES * (span >> 2);
                src += step;
            }
            return;
        }
        for (ky = 0; ky < fd.h; ++ky) {
            tfg_conv2d_gemm_copy(r, src, span);
            r += span;
            src += step;
        }
    } else {
        tfg_conv2d_gemm_gather_cut(batch, in, fd, iy0, ix0, dilation_h, dilation_w, zp, r);
        r += k;
    }
    /* the padding taps of the last group meet zero weights */
    tfg_conv2d_gemm_fill(r, 0, groups * 4 - k);
    tfg_gemm_widen(row8, cols, groups, lane, off2, 2 * TFG_GEMM_LANES);
}

tfg_status tfg_conv2d_gemm_s8(const int8_t *input, tfg_dims input_dims,
                              const int16_t *filter, tfg_dims filter_dims,
                              const tfg_gemm_channel *channels,
                              int8_t *output, tfg_dims output_dims,
                              int32_t stride_h, int32_t stride_w, int32_t dilation_h, int32_t dilation_w,
                              int32_t pad_h, int32_t pad_w,
                              int32_t input_offset, int32_t output_offset, tfg_activation act, void *scratch)
{
    const int32_t k = filter_dims.h * filter_dims.w * filter_dims.c;
    const int32_t groups = (k + 3) >> 2;
    const int32_t pixels = output_dims.n * output_dims.h * output_dims.w;
    const int32_t out_c = output_dims.c;
    int32_t *cols = (int32_t *)scratch;
    const int32_t c31 = tfg_gemm_all_c31(channels, out_c);
    int8_t *row8;
    int32_t p;
    if (scratch == NULL || k < 1 || filter_dims.c != input_dims.c || filter_dims.n != out_c
        || input_dims.n != output_dims.n || stride_h < 1 || stride_w < 1 || dilation_h < 1 || dilation_w < 1) {
        return TFG_ERROR;
    }
    row8 = (int8_t *)(cols + 2 * TFG_GEMM_LANES * groups);
    if (k == input_dims.c && (k & 3) == 0 && stride_h == 1 && stride_w == 1 && pad_h == 0 && pad_w == 0
        && input_dims.h == output_dims.h && input_dims.w == output_dims.w) {
        /* pointwise: output pixel q reads input pixel q */
        const int32_t off2 = tfg_gemm_offset2(input_offset);
        for (p = 0; p < pixels; p += TFG_GEMM_LANES) {
            const int32_t n = pixels - p < TFG_GEMM_LANES ? pixels - p : TFG_GEMM_LANES;
            int32_t lane;
            for (lane = 0; lane < TFG_GEMM_LANES; ++lane) {
                const int32_t q = lane < n ? p + lane : pixels - 1;
                tfg_gemm_widen(input + (size_t)q * k, cols, groups, lane, off2, 2 * TFG_GEMM_LANES);
            }
            tfg_conv2d_gemm_block_s8(cols, groups, filter, channels, out_c, output + (size_t)p * out_c, n,
                                     output_offset, act, c31);
        }
        return TFG_OK;
    }
    for (p = 0; p < pixels; p += TFG_GEMM_LANES) {
        const int32_t n = pixels - p < TFG_GEMM_LANES ? pixels - p : TFG_GEMM_LANES;
        int32_t lane;
        for (lane = 0; lane < TFG_GEMM_LANES; ++lane) {
            /* lanes past the last pixel repeat it; their outputs are not stored */
            const int32_t q = lane < n ? p + lane : pixels - 1;
            tfg_conv2d_gemm_gather(input, input_dims, filter_dims, output_dims, q, stride_h, stride_w, dilation_h,
                                   dilation_w, pad_h, pad_w, input_offset, groups, row8, cols, lane);
        }
        tfg_conv2d_gemm_block_s8(cols, groups, filter, channels, out_c, output + (size_t)p * out_c, n, output_offset,
                                 act, c31);
    }
    return TFG_OK;
}
