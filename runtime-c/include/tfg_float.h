/*
 * tinyforge runtime: float32, dynamic-range (hybrid) and float16-weight kernels.
 *
 * Bit-exactness contract with the Java reference (refimpl/ops: the F32 and Hybrid kernels): every kernel
 * accumulates in float32 in the order documented on its prototype, uses only +, -, *, / on float (compile
 * with -ffp-contract=off so that no multiply-add is fused) and the exponential tfg_expf below, never libm.
 * Fused activations are the clamp tfg_clamp_f32 (TFLite ActivationFunctionWithMinMax).
 */
#ifndef TFG_FLOAT_H
#define TFG_FLOAT_H

#include <math.h>
#include "tfg_types.h"

/** Output clamp range of a float kernel (inclusive; -INFINITY / INFINITY when unbounded). */
typedef struct {
    float min;
    float max;
} tfg_activation_f32;

/** min(max(v, act.min), act.max) with std::max(a, b) = a < b ? b : a, as TFLite and the Java reference. */
static inline float tfg_clamp_f32(float v, tfg_activation_f32 act)
{
    const float r = v < act.min ? act.min : v;
    return act.max < r ? act.max : r;
}

/** The float with the given IEEE bits (union punning, defined in C99 TC3). */
static inline float tfg_f32_from_bits(uint32_t bits)
{
    union {
        uint32_t u;
        float f;
    } v;
    v.u = bits;
    return v.f;
}

/**
 * Exact IEEE half -> float widening, same bits as Java Float16.toFloat for every non-NaN half (a signalling NaN
 * comes out quiet on the FPU path). Cortex-M cores with an FPU (FPv4/FPv5 all convert half precision) use VCVTB,
 * everything else integer arithmetic (no _Float16 needed).
 */
static inline float tfg_f16_to_f32(uint16_t h)
{
#if defined(__arm__) && defined(__ARM_ARCH_PROFILE) && __ARM_ARCH_PROFILE == 'M' && defined(__ARM_FP) \
    && (__ARM_FP & 4) && !defined(TFG_FORCE_REFERENCE)
    /* FPv4/FPv5 widen half to single in one exact instruction (VCVTB; denormal halves are normal singles). */
    float f;
    __asm__("vmov %0, %1\n\tvcvtb.f32.f16 %0, %0" : "=t"(f) : "r"((uint32_t)h));
    return f;
#else
    const uint32_t sign = ((uint32_t)h & 0x8000u) << 16;
    const uint32_t exp = ((uint32_t)h >> 10) & 0x1fu;
    uint32_t mant = (uint32_t)h & 0x3ffu;
    uint32_t e = 113u;
    if (exp == 0x1fu) {
        return tfg_f32_from_bits(sign | 0x7f800000u | (mant << 13));
    }
    if (exp != 0u) {
        return tfg_f32_from_bits(sign | ((exp + 112u) << 23) | (mant << 13));
    }
    if (mant == 0u) {
        return tfg_f32_from_bits(sign);
    }
    while ((mant & 0x400u) == 0u) {
        mant <<= 1;
        e--;
    }
    return tfg_f32_from_bits(sign | (e << 23) | ((mant & 0x3ffu) << 13));
#endif
}

/**
 * e^x in float32, bit-identical to Java io.tinyforge.floatmath.FloatExp: n = nearest(x * log2 e) (ties away),
 * r = x - n*ln2 (Cody-Waite split), e^r = 1 + r + r^2 * P5(r), times 2^n in two exact steps.
 * x > 88.72283 gives INFINITY, x < -87.33654 gives 0, NaN gives NaN. About 1 ulp from the true value.
 */
static inline float tfg_expf(float x)
{
    float t;
    float fn;
    float r;
    float p;
    float y;
    int32_t n;
    int32_t n1;
    int32_t n2;
    if (x != x) {
        return x;
    }
    if (x > 88.72283f) {
        return INFINITY;
    }
    if (x < -87.33654f) {
        return 0.0f;
    }
    t = x * 1.44269504088896341f;
    n = (int32_t)(t >= 0.0f ? t + 0.5f : t - 0.5f);
    fn = (float)n;
    r = x - fn * 0.693359375f;
    r = r - fn * -2.12194440e-4f;
    p = 1.9875691500e-4f;
    p = p * r + 1.3981999507e-3f;
    p = p * r + 8.3334519073e-3f;
    p = p * r + 4.1665795894e-2f;
    p = p * r + 1.6666665459e-1f;
    p = p * r + 5.0000001201e-1f;
    y = p * (r * r) + r + 1.0f;
    n1 = n / 2;
    n2 = n - n1;
    y = y * tfg_f32_from_bits((uint32_t)(n1 + 127) << 23);
    return y * tfg_f32_from_bits((uint32_t)(n2 + 127) << 23);
}

/* ----- convolution and fully connected (conv/) ----- */

/**
 * FULLY_CONNECTED, float32. input [batches][accum_depth], filter [out_depth][accum_depth], bias [out_depth]
 * or NULL, output [batches][out_depth]. Per output: total = 0; for d ascending: total += x[d] * w[d];
 * out = clamp(total + (bias ? bias[oc] : 0)).
 */
tfg_status tfg_fully_connected_f32(const float *input, const float *filter, const float *bias, float *output,
                                   int32_t batches, int32_t accum_depth, int32_t out_depth,
                                   tfg_activation_f32 act);

/** FULLY_CONNECTED with IEEE half weights (read directly from flash, widened exactly); else as _f32. */
tfg_status tfg_fully_connected_f16w_f32(const float *input, const uint16_t *filter, const float *bias,
                                        float *output, int32_t batches, int32_t accum_depth, int32_t out_depth,
                                        tfg_activation_f32 act);

/**
 * FULLY_CONNECTED, dynamic range: float32 input/bias/output, symmetric int8 weights with scale
 * filter_scales[per_channel ? oc : 0]. Per batch row: sf = tfg_hybrid_quantize_s8(row -> q) (zp = 0), or
 * with asymmetric != 0 tfg_hybrid_quantize_asym_s8 (zp = its offset); dot = int32 sum of w * (q - zp);
 * out = clamp((bias ? bias[oc] : 0) + (float)dot * (sf * scale)).
 * scratch: tfg_hybrid_scratch_size(batches, accum_depth) bytes, 4-byte aligned.
 */
tfg_status tfg_fully_connected_hybrid_s8(const float *input, const int8_t *filter, const float *bias,
                                         float *output, int32_t batches, int32_t accum_depth, int32_t out_depth,
                                         const float *filter_scales, int32_t per_channel, int32_t asymmetric,
                                         tfg_activation_f32 act, void *scratch);

/**
 * CONV_2D, float32. Layouts as tfg_conv2d_s8 (NHWC input/output, OHWI filter, groups = input_dims.c /
 * filter_dims.c). Per output: total = 0; for ky, kx, ic (taps outside the input skipped): total += x * w;
 * out = clamp(total + (bias ? bias[oc] : 0)).
 */
tfg_status tfg_conv2d_f32(const float *input, tfg_dims input_dims,
                          const float *filter, tfg_dims filter_dims,
                          const float *bias,
                          float *output, tfg_dims output_dims,
                          int32_t stride_h, int32_t stride_w, int32_t dilation_h, int32_t dilation_w,
                          int32_t pad_h, int32_t pad_w, tfg_activation_f32 act);

/** CONV_2D with IEEE half weights; else as tfg_conv2d_f32. */
tfg_status tfg_conv2d_f16w_f32(const float *input, tfg_dims input_dims,
                               const uint16_t *filter, tfg_dims filter_dims,
                               const float *bias,
                               float *output, tfg_dims output_dims,
                               int32_t stride_h, int32_t stride_w, int32_t dilation_h, int32_t dilation_w,
                               int32_t pad_h, int32_t pad_w, tfg_activation_f32 act);

/**
 * CONV_2D, dynamic range (no groups): each batch image is quantized (factor sf) with tfg_hybrid_quantize_s8
 * (zp = 0) when per_channel == 0, else with tfg_hybrid_quantize_asym_s8 (zp = offset), as TFLite's
 * EvalHybrid / EvalHybridPerChannel; acc = int32 sum of w * (q - zp) over the taps inside the input;
 * per_channel == 0: v = (float)acc * (sf * filter_scales[0]);
 * per_channel != 0: v = ((float)acc * filter_scales[oc]) * sf;
 * out = clamp(v + (bias ? bias[oc] : 0)). scratch: tfg_hybrid_scratch_size(n, h * w * c) bytes.
 */
tfg_status tfg_conv2d_hybrid_s8(const float *input, tfg_dims input_dims,
                                const int8_t *filter, tfg_dims filter_dims,
                                const float *bias,
                                float *output, tfg_dims output_dims,
                                int32_t stride_h, int32_t stride_w, int32_t dilation_h, int32_t dilation_w,
                                int32_t pad_h, int32_t pad_w,
                                const float *filter_scales, int32_t per_channel,
                                tfg_activation_f32 act, void *scratch);

/**
 * DEPTHWISE_CONV_2D, float32. filter [1][kh][kw][output channels]; oc = ic * depth_multiplier + m.
 * total = 0; for ky, kx (inside the input): total += x * w; out = clamp(total + (bias ? bias[oc] : 0)).
 */
tfg_status tfg_depthwise_conv2d_f32(const float *input, tfg_dims input_dims,
                                    const float *filter, tfg_dims filter_dims,
                                    const float *bias,
                                    float *output, tfg_dims output_dims,
                                    int32_t depth_multiplier,
                                    int32_t stride_h, int32_t stride_w, int32_t dilation_h, int32_t dilation_w,
                                    int32_t pad_h, int32_t pad_w, tfg_activation_f32 act);

/** DEPTHWISE_CONV_2D with IEEE half weights; else as tfg_depthwise_conv2d_f32. */
tfg_status tfg_depthwise_conv2d_f16w_f32(const float *input, tfg_dims input_dims,
                                         const uint16_t *filter, tfg_dims filter_dims,
                                         const float *bias,
                                         float *output, tfg_dims output_dims,
                                         int32_t depth_multiplier,
                                         int32_t stride_h, int32_t stride_w, int32_t dilation_h,
                                         int32_t dilation_w, int32_t pad_h, int32_t pad_w,
                                         tfg_activation_f32 act);

/* ----- float codebook weights (clustered float32 models, docs/CLUSTERING.md) ----- */

/**
 * float32 weights stored as a codebook plus packed indices: weight i (flat C order of the dense filter) of
 * output channel oc is values[oc * stride + index(i)], index(i) being bits [(i % (8 / bits)) * bits, +bits)
 * of indices[i / (8 / bits)]; stride 0 means one codebook for the tensor. Same layout as tfg_codebook.
 */
typedef struct {
    const float *values;    /**< codebook entries (flash): stride per output channel, or one table */
    const uint8_t *indices; /**< packed indices (flash) */
    int32_t bits;           /**< bits per index: 1, 2, 4 or 8 */
    int32_t stride;         /**< entries per output channel's codebook; 0 = per-tensor codebook */
} tfg_codebook_f32;

/** Weight i of output channel oc of a float codebook filter (the exact float stored in the codebook). */
static inline float tfg_codebook_f32_at(const tfg_codebook_f32 *cb, int32_t oc, size_t i)
{
    const uint32_t per_byte = 8u / (uint32_t)cb->bits;
    const uint32_t shift = (uint32_t)(i % per_byte) * (uint32_t)cb->bits;
    const uint32_t index = ((uint32_t)cb->indices[i / per_byte] >> shift) & ((1u << (uint32_t)cb->bits) - 1u);
    return cb->values[(size_t)oc * (size_t)cb->stride + index];
}

/** FULLY_CONNECTED, float32 activations, weights through a float codebook; else as tfg_fully_connected_f32. */
tfg_status tfg_fully_connected_cb_f32(const float *input, tfg_codebook_f32 filter, const float *bias,
                                      float *output, int32_t batches, int32_t accum_depth, int32_t out_depth,
                                      tfg_activation_f32 act);

/** CONV_2D, float32 activations, weights through a float codebook; else as tfg_conv2d_f32. */
tfg_status tfg_conv2d_cb_f32(const float *input, tfg_dims input_dims,
                             tfg_codebook_f32 filter, tfg_dims filter_dims,
                             const float *bias,
                             float *output, tfg_dims output_dims,
                             int32_t stride_h, int32_t stride_w, int32_t dilation_h, int32_t dilation_w,
                             int32_t pad_h, int32_t pad_w, tfg_activation_f32 act);

/** DEPTHWISE_CONV_2D, float32 activations, weights through a float codebook; else as _f32. */
tfg_status tfg_depthwise_conv2d_cb_f32(const float *input, tfg_dims input_dims,
                                       tfg_codebook_f32 filter, tfg_dims filter_dims,
                                       const float *bias,
                                       float *output, tfg_dims output_dims,
                                       int32_t depth_multiplier,
                                       int32_t stride_h, int32_t stride_w, int32_t dilation_h,
                                       int32_t dilation_w, int32_t pad_h, int32_t pad_w,
                                       tfg_activation_f32 act);

/* ----- hybrid input quantization, pooling, dequantize (basic/) ----- */

/** Scratch bytes of a hybrid kernel: int8 copy of batches * row_size inputs, padded to 4, + one float each. */
#define tfg_hybrid_scratch_size(batches, row_size) \
    ((((size_t)(batches) * (size_t)(row_size) + 3u) / 4u) * 4u + 4u * (size_t)(batches))

/**
 * TFLite SymmetricQuantizeFloats: range = max(|min|, |max|) of x[0..n); range 0 -> q all 0, returns 1;
 * else q[i] = clamp(round_half_away(127 / range * x[i]), -127, 127), returns range / 127.
 */
float tfg_hybrid_quantize_s8(const float *x, int32_t n, int8_t *q);

/**
 * TFLite AsymmetricQuantizeFloats: [min(0, min), max(0, max)] onto [-128, 127] (scale and zero point in
 * double, zero point nudged into range and rounded half away); *offset = zero point; q[i] =
 * clamp(round_half_away((float)zp + x[i] * (1 / factor)), -128, 127); returns factor = (float)scale
 * (1 with all-zero q and offset 0 when the range is empty).
 */
float tfg_hybrid_quantize_asym_s8(const float *x, int32_t n, int8_t *q, int32_t *offset);

/**
 * AVERAGE_POOL_2D, float32, window clipped to the input: total = 0, count = 0; for fy, fx: total += x,
 * count += 1; out = clamp(total / count). Dims as tfg_avgpool_s8.
 */
void tfg_avgpool_f32(const float *input, float *output, int32_t batches, int32_t in_h, int32_t in_w,
                     int32_t channels, int32_t out_h, int32_t out_w, int32_t filter_h, int32_t filter_w,
                     int32_t stride_h, int32_t stride_w, int32_t pad_h, int32_t pad_w, tfg_activation_f32 act);

/** MAX_POOL_2D, float32: m = -FLT_MAX; for fy, fx: m = m < x ? x : m; out = clamp(m). */
void tfg_maxpool_f32(const float *input, float *output, int32_t batches, int32_t in_h, int32_t in_w,
                     int32_t channels, int32_t out_h, int32_t out_w, int32_t filter_h, int32_t filter_w,
                     int32_t stride_h, int32_t stride_w, int32_t pad_h, int32_t pad_w, tfg_activation_f32 act);

/**
 * ADD / MUL, float32: out = clamp(in1[a] + in2[b]) (resp. *) for every output element in C order over the 6-D
 * dims; a = sum of index * strides1, b = sum of index * strides2 (stride 0 broadcasts a size-1 dimension).
 */
void tfg_add_f32(const float *input1, const float *input2, float *output, const int32_t *dims,
                 const int32_t *strides1, const int32_t *strides2, tfg_activation_f32 act);
void tfg_mul_f32(const float *input1, const float *input2, float *output, const int32_t *dims,
                 const int32_t *strides1, const int32_t *strides2, tfg_activation_f32 act);

/** PAD float32: as tfg_pad_s8 (5-D dims) with a float pad value. */
void tfg_pad_f32(const float *input, float *output, const int32_t *in_dims, const int32_t *out_dims,
                 const int32_t *before, float pad_value);

/** CONCATENATION float32: for each of outer_size blocks, copy_sizes[i] floats of inputs[i] in order. */
void tfg_concat_f32(const float *const *inputs, const int32_t *copy_sizes, int32_t num_inputs,
                    int32_t outer_size, float *output);

/**
 * MEAN float32: dims/strides as tfg_mean_s8; each output is the float sum of its count input elements in
 * input order, divided by (float)count.
 */
void tfg_mean_f32(const float *input, float *output, const int32_t *kept_dims, const int32_t *kept_strides,
                  int32_t kept_rank, const int32_t *reduced_dims, const int32_t *reduced_strides,
                  int32_t reduced_rank, int32_t count);

/** DEQUANTIZE float16 -> float32 (exact widening of n halves). */
void tfg_dequantize_f16_f32(const uint16_t *input, float *output, int32_t n);

/* ----- softmax and element-wise activations (activation/; tfg_relu_f32 in basic/) ----- */

/**
 * SOFTMAX, float32, rows x depth: max (from -FLT_MAX, m = m < x ? x : m); e = tfg_expf((x - max) * beta);
 * sum += e in order; out = e / sum.
 */
void tfg_softmax_f32(const float *input, int32_t rows, int32_t depth, float beta, float *output);

/** RELU / RELU6 (any clamp), float32: out[i] = tfg_clamp_f32(in[i], act). In place allowed. */
void tfg_relu_f32(const float *input, float *output, int32_t n, tfg_activation_f32 act);

/** LOGISTIC, float32 (TFLite reference cut-offs): x > 16.619047 -> 1; x < -9 -> e^x; else 1 / (1 + e^-x). */
void tfg_logistic_f32(const float *input, float *output, int32_t n);

/** TANH, float32: |x| < 2^-12 -> x; |x| > 9 -> sign(x); else sign(x) * (1 - 2 / (e^(2|x|) + 1)). */
void tfg_tanh_f32(const float *input, float *output, int32_t n);

#endif /* TFG_FLOAT_H */
