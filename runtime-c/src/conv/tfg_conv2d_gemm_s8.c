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

/*
 * Paths the generator may leave out (tfg_config.h, codegen.KernelPaths), so that --gc-sections drops them:
 * TFG_GEMM_POINTWISE (1x1, stride 1, no padding, channels % 4 == 0: the input pixel widened directly),
 * TFG_GEMM_SMALL (receptive fields of at most TFG_GEMM_SMALL_TAPS taps: tap tables), TFG_GEMM_GENERIC (every
 * other call: the per-pixel gather, with windows cut by the padding). A call whose path is left out takes the
 * generic path when that one is linked (same result), else returns TFG_ERROR. TFG_GEMM_DILATED 0 when no call
 * of the generic path has a dilation other than 1 (its gathers then compile for dilation 1; a dilated call on
 * that path returns TFG_ERROR).
 * All default to 1.
 */
#ifndef TFG_GEMM_DILATED
#define TFG_GEMM_DILATED 1
#endif
#ifndef TFG_GEMM_POINTWISE
#define TFG_GEMM_POINTWISE 1
#endif
#ifndef TFG_GEMM_SMALL
#define TFG_GEMM_SMALL 1
#endif
#ifndef TFG_GEMM_GENERIC
#define TFG_GEMM_GENERIC 1
#endif

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

#if TFG_GEMM_GENERIC
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

#endif

/*
 * Small receptive fields (at most TFG_GEMM_SMALL_TAPS taps, e.g. a first layer on a one-channel image, where the
 * generic gather's per-row memcpy calls and index arithmetic cost more than the GEMM itself): the kernel tabulates
 * once, per tap, its byte offset from the receptive field's origin and its row/column offsets, then walks the
 * output pixels with running coordinates. An interior pixel (every tap inside the input) is widened tap by tap
 * through the table straight into its lane of the columns, in tfg_gemm_widen's halfword order (x0, x2), (x1, x3);
 * a border pixel gathers its taps into row8 (taps outside the input hold the input zero point, which widens to 0)
 * and widens it. Padding taps of the last group read the origin or 0; they meet zero weights.
 */
#define TFG_GEMM_SMALL_TAPS 32

typedef struct {
    int16_t off[TFG_GEMM_SMALL_TAPS]; /* byte offset of tap t from the receptive field's origin */
    int16_t dy[TFG_GEMM_SMALL_TAPS];  /* its input row offset (0 for padding taps) */
    int16_t dx[TFG_GEMM_SMALL_TAPS];  /* its input column offset (0 for padding taps) */
} tfg_conv2d_gemm_taps;

#if TFG_GEMM_SMALL
static void tfg_conv2d_gemm_gather_taps(const int8_t *src, const int16_t *off, int32_t groups, int32_t *cols,
                                        int32_t lane, int32_t input_offset)
{
    int32_t *dst = cols + 2 * lane;
    int32_t g;
    for (g = 0; g < groups; ++g) {
        const int32_t x0 = src[off[0]] + input_offset;
        const int32_t x1 = src[off[1]] + input_offset;
        const int32_t x2 = src[off[2]] + input_offset;
        const int32_t x3 = src[off[3]] + input_offset;
#if TFG_HAS_DSP
        dst[0] = (int32_t)(((uint32_t)x0 & 0xFFFFu) | ((uint32_t)x2 << 16));
        dst[1] = (int32_t)(((uint32_t)x1 & 0xFFFFu) | ((uint32_t)x3 << 16));
#else
        int16_t *d16 = (int16_t *)dst;
        d16[0] = (int16_t)x0;
        d16[1] = (int16_t)x2;
        d16[2] = (int16_t)x1;
        d16[3] = (int16_t)x3;
#endif
        off += 4;
        dst += 2 * TFG_GEMM_LANES;
    }
}

/*
 * Four interior pixels of one output row at once (src: the first one's receptive field, the next ones `step`
 * bytes apart): each group's four tap offsets are loaded once for the four lanes.
 */
static void tfg_conv2d_gemm_gather_taps4(const int8_t *src, int32_t step, const int16_t *off, int32_t groups,
                                         int32_t *cols, int32_t input_offset)
{
    int32_t *dst = cols;
    int32_t g;
    for (g = 0; g < groups; ++g) {
        const int32_t o0 = off[0];
        const int32_t o1 = off[1];
        const int32_t o2 = off[2];
        const int32_t o3 = off[3];
        const int8_t *x = src;
        int32_t lane;
        for (lane = 0; lane < TFG_GEMM_LANES; ++lane) {
            const int32_t x0 = x[o0] + input_offset;
            const int32_t x1 = x[o1] + input_offset;
            const int32_t x2 = x[o2] + input_offset;
            const int32_t x3 = x[o3] + input_offset;
#if TFG_HAS_DSP
            dst[2 * lane] = (int32_t)(((uint32_t)x0 & 0xFFFFu) | ((uint32_t)x2 << 16));
            dst[2 * lane + 1] = (int32_t)(((uint32_t)x1 & 0xFFFFu) | ((uint32_t)x3 << 16));
#else
            int16_t *d16 = (int16_t *)(dst + 2 * lane);
            d16[0] = (int16_t)x0;
            d16[1] = (int16_t)x2;
            d16[2] = (int16_t)x1;
            d16[3] = (int16_t)x3;
#endif
            x += step;
        }
        off += 4;
        dst += 2 * TFG_GEMM_LANES;
    }
}

/*
 * A border pixel: taps whose input row iy0 + dy or column ix0 + dx is outside get the zero point. Few pixels (the
 * edges) take it: out of line, compiled for size (inlined, it costs the interior loops registers and bytes).
 */
#if defined(__GNUC__)
__attribute__((noinline, cold))
#endif
static void tfg_conv2d_gemm_gather_taps_border(const int8_t *batch, const tfg_conv2d_gemm_taps *tp, int32_t n,
                                               int32_t iy0, int32_t ix0, tfg_dims in, int32_t input_offset,
                                               int8_t *row8)
{
    const int32_t origin = (iy0 * in.w + ix0) * in.c;
    const int8_t zp = (int8_t)(-input_offset);
    int32_t t;
    for (t = 0; t < n; ++t) {
        const int32_t iy = iy0 + tp->dy[t];
        const int32_t ix = ix0 + tp->dx[t];
        row8[t] = (iy >= 0 && iy < in.h && ix >= 0 && ix < in.w) ? batch[origin + tp->off[t]] : zp;
    }
}

#endif

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
    (void)row8;
    (void)c31;
#if TFG_GEMM_POINTWISE
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
#endif
#if TFG_GEMM_SMALL
    if (groups * 4 <= TFG_GEMM_SMALL_TAPS
        && ((dilation_h * (filter_dims.h - 1)) * input_dims.w + dilation_w * (filter_dims.w - 1) + 1) * input_dims.c
               <= 32767) {
        /* (every tap offset fits the int16 table) */
        tfg_conv2d_gemm_taps tp;
        const int32_t y_last = dilation_h * (filter_dims.h - 1);
        const int32_t x_last = dilation_w * (filter_dims.w - 1);
        const int32_t off2 = tfg_gemm_offset2(input_offset);
        const size_t batch_size = (size_t)input_dims.h * input_dims.w * input_dims.c;
        int32_t t = 0;
        int32_t ky;
        int32_t ox = 0;
        int32_t oy = 0;
        int32_t b = 0;
        memset(&tp, 0, sizeof(tp)); /* the padding taps: offset 0, inside when the origin is */
        for (ky = 0; ky < filter_dims.h; ++ky) {
            int32_t kx;
            for (kx = 0; kx < filter_dims.w; ++kx) {
                int32_t c;
                for (c = 0; c < input_dims.c; ++c) {
                    tp.off[t] = (int16_t)((ky * dilation_h * input_dims.w + kx * dilation_w) * input_dims.c + c);
                    tp.dy[t] = (int16_t)(ky * dilation_h);
                    tp.dx[t] = (int16_t)(kx * dilation_w);
                    ++t;
                }
            }
        }
        for (p = 0; p < pixels; p += TFG_GEMM_LANES) {
            const int32_t n = pixels - p < TFG_GEMM_LANES ? pixels - p : TFG_GEMM_LANES;
            const int32_t by0 = oy * stride_h - pad_h;
            const int32_t bx0 = ox * stride_w - pad_w;
            int32_t lane;
            if (n == TFG_GEMM_LANES && ox + TFG_GEMM_LANES <= output_dims.w && by0 >= 0
                && by0 + y_last < input_dims.h && bx0 >= 0
                && bx0 + (TFG_GEMM_LANES - 1) * stride_w + x_last < input_dims.w) {
                /* four interior pixels in one output row: one call, offsets shared by the lanes */
                tfg_conv2d_gemm_gather_taps4(input + (size_t)b * batch_size
                                                 + ((size_t)by0 * input_dims.w + bx0) * input_dims.c,
                                             stride_w * input_dims.c, tp.off, groups, cols, input_offset);
                ox += TFG_GEMM_LANES - 1; /* the block's last pixel, in the same row */
            } else {
                for (lane = 0; lane < TFG_GEMM_LANES; ++lane) {
                    /* (b, oy, ox) is pixel p + lane; lanes past the last pixel repeat it (outputs not stored) */
                    const int32_t iy0 = oy * stride_h - pad_h;
                    const int32_t ix0 = ox * stride_w - pad_w;
                    const int8_t *batch = input + (size_t)b * batch_size;
                    if (iy0 >= 0 && iy0 + y_last < input_dims.h && ix0 >= 0 && ix0 + x_last < input_dims.w) {
                        tfg_conv2d_gemm_gather_taps(batch + ((size_t)iy0 * input_dims.w + ix0) * input_dims.c, tp.off,
                                                    groups, cols, lane, input_offset);
                    } else {
                        tfg_conv2d_gemm_gather_taps_border(batch, &tp, groups * 4, iy0, ix0, input_dims, input_offset,
                                                           row8);
                        tfg_gemm_widen(row8, cols, groups, lane, off2, 2 * TFG_GEMM_LANES);
                    }
                    if (lane + 1 < n) {
                        if (++ox == output_dims.w) {
                            ox = 0;
                            if (++oy == output_dims.h) {
                                oy = 0;
                                ++b;
                            }
                        }
                    }
                }
            }
            /* advance past the block's last pixel */
            if (++ox == output_dims.w) {
                ox = 0;
                if (++oy == output_dims.h) {
                    oy = 0;
                    ++b;
                }
            }
            tfg_conv2d_gemm_block_s8(cols, groups, filter, channels, out_c, output + (size_t)p * out_c, n,
                                     output_offset, act, c31);
        }
        return TFG_OK;
    }
#endif
#if TFG_GEMM_GENERIC
#if !TFG_GEMM_DILATED
    if (dilation_h != 1 || dilation_w != 1) {
        return TFG_ERROR;
    }
#endif
    for (p = 0; p < pixels; p += TFG_GEMM_LANES) {
        const int32_t n = pixels - p < TFG_GEMM_LANES ? pixels - p : TFG_GEMM_LANES;
        int32_t lane;
        for (lane = 0; lane < TFG_GEMM_LANES; ++lane) {
            /* lanes past the last pixel repeat it; their outputs are not stored */
            const int32_t q = lane < n ? p + lane : pixels - 1;
            tfg_conv2d_gemm_gather(input, input_dims, filter_dims, output_dims, q, stride_h, stride_w,
                                   TFG_GEMM_DILATED ? dilation_h : 1, TFG_GEMM_DILATED ? dilation_w : 1, pad_h, pad_w,
                                   input_offset, groups, row8, cols, lane);
        }
        tfg_conv2d_gemm_block_s8(cols, groups, filter, channels, out_c, output + (size_t)p * out_c, n, output_offset,
                                 act, c31);
    }
    return TFG_OK;
#else
    /* (every path left out: the parameters only some path reads) */
    (void)p;
    (void)input;
    (void)filter;
    (void)output;
    (void)pixels;
    (void)pad_h;
    (void)pad_w;
    (void)input_offset;
    (void)output_offset;
    (void)act;
    return TFG_ERROR;
#endif
}
