/*
 * Randomised check of the in-place kernels against the ordinary ones: tfg_conv1x1_inplace_s8 vs
 * tfg_conv2d_s8 with a 1x1 filter, tfg_depthwise_conv2d_inplace_s8 (with the generator's re-ordered filter,
 * requantization table and ring size; DSP path when built with TFG_DSP_EMULATE) vs tfg_depthwise_conv2d_s8
 * (strides, dilations, SAME/VALID padding). Prints "cases N" and exits 0, or prints the first mismatch
 * (case, byte index, expected, actual) and exits 1.
 */
#include <stdio.h>
#include <string.h>
#include "tfg_nn.h"

static unsigned long long state = 0x9E3779B97F4A7C15ULL;

static unsigned int next(void)
{
    unsigned long long z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return (unsigned int)((z ^ (z >> 31)) >> 32);
}

static int32_t range(int32_t lo, int32_t hi)
{
    return lo + (int32_t)(next() % (unsigned int)(hi - lo + 1));
}

#define MAXB 4096
static int8_t in_buf[MAXB];
static int8_t ref_out[MAXB];
static int8_t data[MAXB];
static int8_t filter[MAXB];
static int8_t scratch[MAXB];
static int32_t bias[64];
static int32_t mult[64];
static int32_t shift[64];

static void fill_quant(int32_t n)
{
    int32_t i;
    for (i = 0; i < n; ++i) {
        bias[i] = range(-4000, 4000);
        mult[i] = range(1 << 30, 0x7FFFFFFF);
        shift[i] = range(-9, 1);
    }
}

static int32_t packed[2 * 9 * 64 + 2 * 64];
static int32_t requant[4 * 64 + 1];

/* channel c's scale under double rounding: 2^(1 + left shift) (codegen.ops.DepthwisePacking) */
static int32_t scale_of(int32_t c)
{
    return 1 << (1 + (shift[c] > 0 ? shift[c] : 0));
}

/*
 * the generator's re-ordered filter, folded accumulator starts and biases, each channel scaled
 * (codegen.ops.DepthwisePacking)
 */
static void pack_filter(int32_t taps, int32_t ch, const int32_t *b, int32_t in_off)
{
    int32_t g;
    int32_t t;
    int32_t k;
    int32_t c;
    for (c = 0; c < ch; ++c) {
        uint32_t sum = 0;
        const uint32_t bc = b != NULL ? (uint32_t)b[c] : 0u;
        for (t = 0; t < taps; ++t) {
            sum += (uint32_t)filter[t * ch + c];
        }
        packed[2 * taps * ((ch + 3) / 4) + c] = (int32_t)((bc + (uint32_t)in_off * sum) * (uint32_t)scale_of(c));
        packed[2 * taps * ((ch + 3) / 4) + ch + c] = (int32_t)(bc * (uint32_t)scale_of(c));
    }
    for (g = 0; g < (ch + 3) / 4; ++g) {
        for (t = 0; t < taps; ++t) {
            for (k = 0; k < 2; ++k) {
                const int32_t lo = 4 * g + k < ch ? filter[t * ch + 4 * g + k] * scale_of(4 * g + k) : 0;
                const int32_t hi = 4 * g + k + 2 < ch ? filter[t * ch + 4 * g + k + 2] * scale_of(4 * g + k + 2) : 0;
                packed[2 * (g * taps + t) + k] = (int32_t)(((uint32_t)lo & 0xFFFFu) | ((uint32_t)hi << 16));
            }
        }
    }
}

/* the generator's requantization table (codegen.ops.DepthwisePacking.gemmRequantTable) */
static void fill_requant(int32_t ch, int32_t out_off)
{
    int32_t c;
    int32_t all31 = 1;
    for (c = 0; c < ch; ++c) {
        const int32_t right = shift[c] < 0 ? -shift[c] : 0;
        requant[4 * c] = mult[c];
        requant[4 * c + 1] = (right >= 1 ? 1 << (right - 1) : 0) + out_off * (1 << right);
        requant[4 * c + 2] = right + 256 * (right >= 1 ? 31 : 32);
        requant[4 * c + 3] = 0;
        if (right < 1) {
            all31 = 0;
        }
    }
    requant[4 * ch] = all31;
}

/* the ring the generator sizes (memory.InPlaceRules.depthwiseRingRows) */
static int32_t ring_rows(int32_t in_w, int32_t out_h, int32_t out_w, int32_t c, int32_t sh, int32_t ph)
{
    int32_t head = 0;
    int32_t most = 1;
    int32_t oy;
    for (oy = 0; oy < out_h; ++oy) {
        long dead = 0x7FFFFFFFL;
        if (oy - head + 1 > most) {
            most = oy - head + 1;
        }
        if (oy + 1 < out_h) {
            const int32_t next = (oy + 1) * sh - ph;
            dead = (long)(next > 0 ? next : 0) * in_w * c;
        }
        while (head <= oy && (long)(head + 1) * out_w * c <= dead) {
            ++head;
        }
    }
    return most;
}

static int compare(const char *what, int cs, int32_t n)
{
    int32_t i;
    for (i = 0; i < n; ++i) {
        if (ref_out[i] != data[i]) {
            printf("%s case %d byte %ld: expected %d actual %d\n", what, cs, (long)i, ref_out[i], data[i]);
            return 1;
        }
    }
    return 0;
}

int main(void)
{
    int cs;
    int cases = 0;
    for (cs = 0; cs < 400; ++cs) {
        int32_t pixels = range(1, 40);
        int32_t in_c = range(1, 24);
        int32_t out_c = range(1, 24);
        int32_t i;
        tfg_per_channel_quant q;
        tfg_activation act;
        int32_t in_off = range(-127, 128);
        int32_t out_off = range(-128, 127);
        const int32_t *b = (cs % 3 == 0) ? NULL : bias;
        fill_quant(out_c);
        q.multiplier = mult;
        q.shift = shift;
        act.min = (cs % 2) ? out_off : -128;
        act.max = 127;
        for (i = 0; i < pixels * in_c; ++i) {
            in_buf[i] = (int8_t)range(-128, 127);
        }
        for (i = 0; i < out_c * in_c; ++i) {
            filter[i] = (int8_t)range(-127, 127);
        }
        {
            tfg_dims idims = {1, pixels, 1, 0};
            tfg_dims fdims = {0, 1, 1, 0};
            tfg_dims odims = {1, pixels, 1, 0};
            idims.c = in_c;
            fdims.n = out_c;
            fdims.c = in_c;
            odims.c = out_c;
            if (tfg_conv2d_s8(in_buf, idims, filter, fdims, b, ref_out, odims, 1, 1, 1, 1, 0, 0, in_off, out_off,
                              q, act) != TFG_OK) {
                printf("conv1x1 case %d: reference kernel failed\n", cs);
                return 1;
            }
        }
        memset(data, 0x5A, sizeof data);
        memcpy(data, in_buf, (size_t)(pixels * in_c));
        if (tfg_conv1x1_inplace_s8(data, pixels, in_c, out_c, filter, b, in_off, out_off, q, act, scratch,
                                   range(1, 9))
            != TFG_OK) {
            printf("conv1x1 case %d: in-place kernel failed\n", cs);
            return 1;
        }
        if (compare("conv1x1", cs, pixels * out_c)) {
            return 1;
        }
        ++cases;
    }
    for (cs = 0; cs < 400; ++cs) {
        int32_t n = 1;
        int32_t h = range(1, 12);
        int32_t w = range(1, 12);
        int32_t c = range(1, 9);
        int32_t kh = range(1, 3);
        int32_t kw = range(1, 3);
        int32_t sh = range(1, 2);
        int32_t sw = range(1, 2);
        int32_t dh = range(1, 2);
        int32_t dw = range(1, 2);
        int same = cs % 2;
        int32_t oh;
        int32_t ow;
        int32_t ph = 0;
        int32_t pw = 0;
        int32_t i;
        tfg_per_channel_quant q;
        tfg_activation act;
        int32_t in_off = range(-127, 128);
        int32_t out_off = range(-128, 127);
        const int32_t *b = (cs % 3 == 0) ? NULL : bias;
        if (same) {
            oh = (h + sh - 1) / sh;
            ow = (w + sw - 1) / sw;
            ph = ((oh - 1) * sh + (kh - 1) * dh + 1 - h) / 2;
            pw = ((ow - 1) * sw + (kw - 1) * dw + 1 - w) / 2;
            ph = ph < 0 ? 0 : ph;
            pw = pw < 0 ? 0 : pw;
        } else {
            oh = (h - (kh - 1) * dh - 1) / sh + 1;
            ow = (w - (kw - 1) * dw - 1) / sw + 1;
            if (h - (kh - 1) * dh - 1 < 0 || w - (kw - 1) * dw - 1 < 0) {
                continue;
            }
        }
        fill_quant(c);
        q.multiplier = mult;
        q.shift = shift;
        act.min = (cs % 4 == 1) ? out_off : -128;
        act.max = 127;
        for (i = 0; i < n * h * w * c; ++i) {
            in_buf[i] = (int8_t)range(-128, 127);
        }
        for (i = 0; i < kh * kw * c; ++i) {
            filter[i] = (int8_t)range(-127, 127);
        }
        {
            tfg_dims idims;
            tfg_dims fdims;
            tfg_dims odims;
            idims.n = n; idims.h = h; idims.w = w; idims.c = c;
            fdims.n = 1; fdims.h = kh; fdims.w = kw; fdims.c = c;
            odims.n = n; odims.h = oh; odims.w = ow; odims.c = c;
            if (tfg_depthwise_conv2d_s8(in_buf, idims, filter, fdims, b, ref_out, odims, 1, sh, sw, dh, dw, ph, pw,
                                        in_off, out_off, q, act) != TFG_OK) {
                printf("depthwise case %d: reference kernel failed\n", cs);
                return 1;
            }
            memset(data, 0x5A, sizeof data);
            memcpy(data, in_buf, (size_t)(n * h * w * c));
            pack_filter(kh * kw, c, b, in_off);
            fill_requant(c, out_off);
            if (tfg_depthwise_conv2d_inplace_s8(data, idims, filter, fdims, b, odims, sh, sw, dh, dw, ph, pw, in_off,
                                                out_off, q, act, packed, requant, scratch,
                                                ring_rows(w, oh, ow, c, sh, ph)) != TFG_OK) {
                printf("depthwise case %d: in-place kernel failed\n", cs);
                return 1;
            }
        }
        if (compare("depthwise", cs, n * oh * ow * c)) {
            return 1;
        }
        ++cases;
    }
    printf("cases %d\n", cases);
    return 0;
}
