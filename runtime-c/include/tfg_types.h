/*
 * tinyforge runtime: small parameter structs shared by the kernels.
 * Every field is documented with its sign convention. No floats are used by int8 kernels.
 */
#ifndef TFG_TYPES_H
#define TFG_TYPES_H

#include <stdint.h>
#include <stddef.h>

/** Status returned by kernels that can fail (only on arguments the generator never produces). */
typedef enum { TFG_OK = 0, TFG_ERROR = 1 } tfg_status;

/** Tensor dimensions in NHWC order. */
typedef struct {
    int32_t n; /**< batches */
    int32_t h; /**< height (rows) */
    int32_t w; /**< width (columns) */
    int32_t c; /**< channels, innermost */
} tfg_dims;

/** Output clamp range after requantization, in output quantized units (inclusive). */
typedef struct {
    int32_t min;
    int32_t max;
} tfg_activation;

/**
 * Fixed-point multiplier: real = multiplier * 2^(shift - 31). multiplier in [2^30, 2^31-1] or 0;
 * shift > 0 is a left shift, shift <= 0 a rounding right shift.
 */
typedef struct {
    int32_t multiplier;
    int32_t shift;
} tfg_quant;

/** Per-output-channel multipliers and shifts (arrays of the output channel count, in flash). */
typedef struct {
    const int32_t *multiplier;
    const int32_t *shift;
} tfg_per_channel_quant;

/**
 * Weights stored as a codebook plus packed indices (clustered models, docs/CLUSTERING.md). Weight i (flat C
 * order of the dense filter) of output channel oc is values[oc * stride + index(i)], where index(i) is bits
 * [(i % (8 / bits)) * bits, +bits) of indices[i / (8 / bits)]. stride 0 means one codebook for the tensor.
 */
typedef struct {
    const int8_t *values;   /**< codebook entries (flash): stride per output channel, or one table */
    const uint8_t *indices; /**< packed indices (flash) */
    int32_t bits;           /**< bits per index: 1, 2, 4 or 8 */
    int32_t stride;         /**< entries per output channel's codebook; 0 = per-tensor codebook */
} tfg_codebook;

/*
 * Sparse int8 weights (pruned models, docs/PRUNING.md). Output channel oc owns entries
 * [row_start[oc], row_start[oc + 1]); entry e lies gap(e) + 1 weights after the previous entry of its channel
 * (the first one gap(e) weights after the channel's first weight), in the dense filter's flat C order (OHWI or
 * [out][in]). Runs of more than 15 zeros are bridged by filler entries of weight 0.
 * Values variant (codebook == NULL): gap(e) is nibble (e & 1) of gaps[e / 2] (low nibble first), the weight
 * values[e]. Codebook variant (values == NULL): gaps[e] holds gap(e) in its low nibble and a codebook index in
 * its high nibble; the weight is codebook[oc * stride + index].
 */
typedef struct {
    const uint16_t *row_start; /**< out_c + 1 entry offsets (flash) */
    const uint8_t *gaps;       /**< packed gaps (values variant) or gap | index << 4 per entry (flash) */
    const int8_t *values;      /**< one int8 weight per entry, or NULL in the codebook variant (flash) */
    const int8_t *codebook;    /**< codebook entries, or NULL in the values variant (flash) */
    int32_t stride;            /**< codebook entries per output channel; 0 = one codebook for the tensor */
} tfg_sparse;
/**
 * Entropy-coded sparse int8 weights (pruned, clustered models; docs/PRUNING.md, prune.CodedSparseLayout): one
 * bit stream (least significant bit of each byte first) over the dense filter's flat C order; per non-zero
 * weight a Rice-coded gap (zeros since the previous non-zero weight, across row ends) and a canonical Huffman
 * code of the weight; a last gap points at the end of the filter. Decoded by tfg_sparse_coded.h.
 */
typedef struct {
    const uint8_t *bits;    /**< the stream (flash) */
    const uint8_t *table;   /**< Rice parameter k, longest code length L, codes per length 1..L (flash) */
    const int8_t *symbols;  /**< the weights in canonical code order (flash) */
} tfg_sparse_coded;
/**
 * One output channel of the GEMM kernels (tfg_conv2d_gemm_s8, tfg_fully_connected_gemm_s8), computed by the
 * generator: the accumulator starts at bias and sums w * (x + input_offset) with the channel's weights scaled
 * by s = 2^(1 + max(shift, 0)) (packed int16 filter); the output is
 * (SMMLAR(acc, multiplier, round) - (acc >>> c)) >> r, clamped: TFLM's double-rounding
 * MultiplyByQuantizedMultiplier plus the output zero point, bit for bit (tfg_gemm.h).
 */
typedef struct {
    int32_t bias;       /**< s * bias (0 when the operator has none) */
    int32_t multiplier; /**< the fixed-point multiplier, in [2^30, 2^31) or 0 */
    int32_t round;      /**< 2^(r - 1) + output_zero_point * 2^r, or output_zero_point when r = 0 */
    int32_t shift;      /**< r + 256 * c: r = max(-shift, 0) the rounding right shift, c = 31 if r >= 1 else 32 */
} tfg_gemm_channel;

#endif /* TFG_TYPES_H */
