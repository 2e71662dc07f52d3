/*
 * tinyforge runtime: kernel prototypes. Layouts are NHWC for activations; filters are OHWI for CONV_2D,
 * 1HWO for DEPTHWISE_CONV_2D and [out][in] for FULLY_CONNECTED, exactly as stored in the .tflite file.
 * One function per file under src/<category>/, named after the function.
 */
#ifndef TFG_NN_H
#define TFG_NN_H

#include "tfg_types.h"

/* ===== convolution and fully connected (conv/) ===== */

/*
 * Common to the three int8 kernels below (TFLite int8 spec, TFLM reference semantics):
 * - acc = sum of w * (x + input_offset) over the taps inside the input (taps in the padding are skipped,
 *   which equals padding with the input zero point), in int32; then acc += bias[oc] (when bias != NULL),
 *   acc = tfg_mbqm(acc, multiplier[oc], shift[oc]), acc += output_offset, clamp to [act.min, act.max].
 * - input_offset = -zp_in (in [-127, 128]); output_offset = zp_out (in [-128, 127]).
 * - quant.multiplier / quant.shift: const arrays (flash) with one entry per output channel, as produced by
 *   TFLite QuantizeMultiplier(s_in * s_w[oc] / s_out); per-tensor weights are broadcast by the generator.
 * - Padding: pad_h / pad_w are the rows above / columns left of the input (TFLite ComputePaddingHeightWidth);
 *   any extra padding after the input is implied by the output size.
 * - No scratch memory, no allocation; input and output must not overlap.
 * - Return TFG_OK, or TFG_ERROR when the dimensions are inconsistent (the generator never produces that).
 */

/**
 * CONV_2D, int8 activations, int8 weights, int32 bias (may be NULL).
 * input  [input_dims.n][h][w][c]; filter OHWI [filter_dims.n = output channels][h][w][c = input channels
 * per group], groups = input_dims.c / filter_dims.c (1 for an ordinary convolution);
 * output [output_dims.n == input_dims.n][h][w][c == filter_dims.n]. Strides and dilations are >= 1.
 * Multiply-accumulates: output elements * filter_dims.h * filter_dims.w * filter_dims.c.
 */
tfg_status tfg_conv2d_s8(const int8_t *input, tfg_dims input_dims,
                         const int8_t *filter, tfg_dims filter_dims,
                         const int32_t *bias,
                         int8_t *output, tfg_dims output_dims,
                         int32_t stride_h, int32_t stride_w, int32_t dilation_h, int32_t dilation_w,
                         int32_t pad_h, int32_t pad_w,
                         int32_t input_offset, int32_t output_offset,
                         tfg_per_channel_quant quant, tfg_activation act);

/**
 * CONV_2D as tfg_conv2d_s8 (same arguments, same bytes out), faster on cores with the DSP extension
 * (TFG_HAS_DSP in tfg_dsp.h): groups of four output pixels are gathered into int16 rows in scratch and multiplied
 * with SXTB16/SMLAD. scratch: 16 * output_dims.c + 8 * (k / 4 * 4) + 16 * (k % 4) + (k + 3) / 4 * 4 bytes
 * with k = filter_dims.h * filter_dims.w * filter_dims.c, 4-byte aligned
 * (NULL, a grouped convolution, or no DSP extension: runs tfg_conv2d_s8).
 */
tfg_status tfg_conv2d_dsp_s8(const int8_t *input, tfg_dims input_dims,
                             const int8_t *filter, tfg_dims filter_dims,
                             const int32_t *bias,
                             int8_t *output, tfg_dims output_dims,
                             int32_t stride_h, int32_t stride_w, int32_t dilation_h, int32_t dilation_w,
                             int32_t pad_h, int32_t pad_w,
                             int32_t input_offset, int32_t output_offset,
                             tfg_per_channel_quant quant, tfg_activation act, void *scratch);

/**
 * DEPTHWISE_CONV_2D, int8. input [n][h][w][c]; filter [1][h][w][c = output channels] (filter_dims.n is 1);
 * output [n][h][w][input_dims.c * depth_multiplier]; output channel oc = ic * depth_multiplier + m reads input
 * channel ic. Multiply-accumulates: output elements * filter_dims.h * filter_dims.w.
 */
tfg_status tfg_depthwise_conv2d_s8(const int8_t *input, tfg_dims input_dims,
                                   const int8_t *filter, tfg_dims filter_dims,
                                   const int32_t *bias,
                                   int8_t *output, tfg_dims output_dims,
                                   int32_t depth_multiplier,
                                   int32_t stride_h, int32_t stride_w, int32_t dilation_h, int32_t dilation_w,
                                   int32_t pad_h, int32_t pad_w,
                                   int32_t input_offset, int32_t output_offset,
                                   tfg_per_channel_quant quant, tfg_activation act);

/**
 * DEPTHWISE_CONV_2D as tfg_depthwise_conv2d_s8 (same arguments, same bytes out), faster on cores with the
 * DSP extension when depth_multiplier is 1 (four channels per SIMD word); otherwise runs the reference.
 * packed: the filter re-ordered by the generator, 4-byte aligned: for each group g of four channels
 * (ceil(c / 4) groups, missing channels 0) and each tap t (row-major), words [2 * (g * taps + t)] =
 * w[4g] | w[4g+2] << 16 and [+1] = w[4g+1] | w[4g+3] << 16 (int16 lanes), followed by c words
 * bias[c] + input_offset * sum of channel c's weights (int32, wrapping; 0 for a NULL bias) and c words bias[c];
 * with double rounding every value of channel c is multiplied by s = 2^(1 + max(shift, 0)). requant (double
 * rounding): per channel c, words [4c..4c+3] = multiplier, rounding constant with the output zero point, shift
 * field of tfg_gemm_requant (tfg_gemm.h), 0; then one word, 1 when every channel's correction shift is 31
 * (unused with TFG_SINGLE_ROUNDING). NULL packed or requant: runs the reference.
 */
tfg_status tfg_depthwise_conv2d_dsp_s8(const int8_t *input, tfg_dims input_dims,
                                       const int8_t *filter, tfg_dims filter_dims,
                                       const int32_t *bias,
                                       int8_t *output, tfg_dims output_dims,
                                       int32_t depth_multiplier,
                                       int32_t stride_h, int32_t stride_w, int32_t dilation_h, int32_t dilation_w,
                                       int32_t pad_h, int32_t pad_w,
                                       int32_t input_offset, int32_t output_offset,
                                       tfg_per_channel_quant quant, tfg_activation act,
                                       const int32_t *packed, const int32_t *requant);

/**
 * FULLY_CONNECTED, int8. input [batches][accum_depth] (any tensor shape, read flat); filter
 * [out_depth][accum_depth]; output [batches][out_depth].
 * acc = sum (w + filter_offset) * (x + input_offset); filter_offset = -zp_w (0 for spec int8 weights).
 * per_channel != 0: quant arrays have out_depth entries; per_channel == 0: one entry used for every output
 * (per-tensor weights). Multiply-accumulates: batches * out_depth * accum_depth.
 */
tfg_status tfg_fully_connected_s8(const int8_t *input, const int8_t *filter, const int32_t *bias,
                                  int8_t *output,
                                  int32_t batches, int32_t accum_depth, int32_t out_depth,
                                  int32_t input_offset, int32_t filter_offset, int32_t output_offset,
                                  tfg_per_channel_quant quant, int32_t per_channel, tfg_activation act);

/*
 * Codebook variants (clustered weights): the same arithmetic and arguments as the kernels above, except that
 * the filter is a tfg_codebook (see tfg_types.h) whose weight for flat filter index i of output channel oc is
 * read through the codebook; outputs are bit-identical to the dense kernel on the decoded filter.
 */
tfg_status tfg_conv2d_cb_s8(const int8_t *input, tfg_dims input_dims,
                            tfg_codebook filter, tfg_dims filter_dims,
                            const int32_t *bias,
                            int8_t *output, tfg_dims output_dims,
                            int32_t stride_h, int32_t stride_w, int32_t dilation_h, int32_t dilation_w,
                            int32_t pad_h, int32_t pad_w,
                            int32_t input_offset, int32_t output_offset,
                            tfg_per_channel_quant quant, tfg_activation act);

tfg_status tfg_depthwise_conv2d_cb_s8(const int8_t *input, tfg_dims input_dims,
                                      tfg_codebook filter, tfg_dims filter_dims,
                                      const int32_t *bias,
                                      int8_t *output, tfg_dims output_dims,
                                      int32_t depth_multiplier,
                                      int32_t stride_h, int32_t stride_w, int32_t dilation_h, int32_t dilation_w,
                                      int32_t pad_h, int32_t pad_w,
                                      int32_t input_offset, int32_t output_offset,
                                      tfg_per_channel_quant quant, tfg_activation act);

tfg_status tfg_fully_connected_cb_s8(const int8_t *input, tfg_codebook filter, const int32_t *bias,
                                     int8_t *output,
                                     int32_t batches, int32_t accum_depth, int32_t out_depth,
                                     int32_t input_offset, int32_t filter_offset, int32_t output_offset,
                                     tfg_per_channel_quant quant, int32_t per_channel, tfg_activation act);

/*
 * Sparse variants (pruned weights, tfg_sparse in tfg_types.h): the same arithmetic and arguments as the dense
 * kernels, but only the stored entries are multiplied, so zero weights cost nothing. The weights' zero point
 * must be 0 (filter_offset 0; the FC kernel returns TFG_ERROR otherwise), which makes the int32 sums and so the
 * outputs bit-identical to the dense kernels on the decoded filter.
 */
tfg_status tfg_conv2d_sp_s8(const int8_t *input, tfg_dims input_dims,
                            tfg_sparse filter, tfg_dims filter_dims,
                            const int32_t *bias,
                            int8_t *output, tfg_dims output_dims,
                            int32_t stride_h, int32_t stride_w, int32_t dilation_h, int32_t dilation_w,
                            int32_t pad_h, int32_t pad_w,
                            int32_t input_offset, int32_t output_offset,
                            tfg_per_channel_quant quant, tfg_activation act);

tfg_status tfg_fully_connected_sp_s8(const int8_t *input, tfg_sparse filter, const int32_t *bias,
                                     int8_t *output,
                                     int32_t batches, int32_t accum_depth, int32_t out_depth,
                                     int32_t input_offset, int32_t filter_offset, int32_t output_offset,
                                     tfg_per_channel_quant quant, int32_t per_channel, tfg_activation act);
/**
 * CONV_2D / FULLY_CONNECTED as tfg_conv2d_sp_s8 / tfg_fully_connected_sp_s8 (same arguments, same bytes out) with
 * the filter entropy-coded (tfg_sparse_coded; filter zero point 0).
 */
tfg_status tfg_conv2d_spc_s8(const int8_t *input, tfg_dims input_dims,
                             tfg_sparse_coded filter, tfg_dims filter_dims,
                             const int32_t *bias,
                             int8_t *output, tfg_dims output_dims,
                             int32_t stride_h, int32_t stride_w, int32_t dilation_h, int32_t dilation_w,
                             int32_t pad_h, int32_t pad_w,
                             int32_t input_offset, int32_t output_offset,
                             tfg_per_channel_quant quant, tfg_activation act);

tfg_status tfg_fully_connected_spc_s8(const int8_t *input, tfg_sparse_coded filter, const int32_t *bias,
                                      int8_t *output,
                                      int32_t batches, int32_t accum_depth, int32_t out_depth,
                                      int32_t input_offset, int32_t filter_offset, int32_t output_offset,
                                      tfg_per_channel_quant quant, int32_t per_channel, tfg_activation act);
/**
 * FULLY_CONNECTED as tfg_fully_connected_s8 (same arguments, same bytes out), faster on cores with the DSP
 * extension when filter_offset is 0 (two rows per pass with SMLAD); otherwise runs the reference.
 */
tfg_status tfg_fully_connected_dsp_s8(const int8_t *input, const int8_t *filter, const int32_t *bias,
                                      int8_t *output,
                                      int32_t batches, int32_t accum_depth, int32_t out_depth,
                                      int32_t input_offset, int32_t filter_offset, int32_t output_offset,
                                      tfg_per_channel_quant quant, int32_t per_channel, tfg_activation act);

/*
 * GEMM kernels over generator-packed weights (tfg_gemm.h): filter is int16, each weight times 2, grouped by
 * four input channels in the order (k0, k2, k1, k3) and zero-padded to whole groups; channels holds each output
 * channel's folded bias and requantization (tfg_gemm_channel); output_offset is added after the shift (0 when
 * the channels' rounding constants hold the output zero point). Same bytes out as
 * tfg_conv2d_s8 / tfg_fully_connected_s8 on the original weights; DSP instructions where available.
 */
/**
 * The outputs of n <= 4 pixels (out, out + out_c, ...) from one block of widened columns; all channels. c31: 1
 * when every channel's correction shift is 31 (tfg_gemm_all_c31).
 */
void tfg_conv2d_gemm_block_s8(const int32_t *cols, int32_t groups, const int16_t *filter,
                              const tfg_gemm_channel *channels, int32_t out_c, int8_t *out, int32_t n,
                              int32_t output_offset, tfg_activation act, int32_t c31);
/**
 * CONV_2D with one group; filter [out_c][groups of kh * kw * in_c]; scratch: 36 * groups bytes (four pixels'
 * int16 columns, then one int8 receptive field), word aligned.
 */
tfg_status tfg_conv2d_gemm_s8(const int8_t *input, tfg_dims input_dims,
                              const int16_t *filter, tfg_dims filter_dims,
                              const tfg_gemm_channel *channels,
                              int8_t *output, tfg_dims output_dims,
                              int32_t stride_h, int32_t stride_w, int32_t dilation_h, int32_t dilation_w,
                              int32_t pad_h, int32_t pad_w,
                              int32_t input_offset, int32_t output_offset, tfg_activation act, void *scratch);
/**
 * FULLY_CONNECTED with symmetric weights; filter: rows in blocks of four (zero rows pad out_depth to a multiple
 * of four), per group of four inputs the four rows' groups in turn; channels padded likewise; scratch:
 * 8 * groups bytes, word aligned.
 */
tfg_status tfg_fully_connected_gemm_s8(const int8_t *input, const int16_t *filter,
                                       const tfg_gemm_channel *channels, int8_t *output,
                                       int32_t batches, int32_t accum_depth, int32_t out_depth,
                                       int32_t input_offset, int32_t output_offset, tfg_activation act, void *scratch);

/* ===== end convolution ===== */



/* ===== pooling, element-wise, shape and (de)quantize ops (basic/) ===== */

/*
 * Pooling (NHWC int8). The window of output (oy, ox) starts at (oy*stride_h - pad_h, ox*stride_w - pad_w) and
 * is clipped to the input; input and output share scale and zero point. act_min/act_max: inclusive clamp in
 * output units. avgpool: sum of the valid taps / their count, rounded half away from zero.
 * TFG_AVGPOOL_TAIL 0 in tfg_config.h (generator) leaves out avgpool's channel-by-channel loop: then every call
 * must have channels % 4 == 0, at most 256 taps per window and no empty window.
 */
void tfg_avgpool_s8(const int8_t *input, int8_t *output, int32_t batches, int32_t in_h, int32_t in_w,
                    int32_t channels, int32_t out_h, int32_t out_w, int32_t filter_h, int32_t filter_w,
                    int32_t stride_h, int32_t stride_w, int32_t pad_h, int32_t pad_w, int32_t act_min,
                    int32_t act_max);
void tfg_maxpool_s8(const int8_t *input, int8_t *output, int32_t batches, int32_t in_h, int32_t in_w,
                    int32_t channels, int32_t out_h, int32_t out_w, int32_t filter_h, int32_t filter_w,
                    int32_t stride_h, int32_t stride_w, int32_t pad_h, int32_t pad_w, int32_t act_min,
                    int32_t act_max);

/*
 * ADD int8. dims == NULL: flat element-wise over size elements. Otherwise TFLM's broadcast: dims are the
 * output extended to 6-D (C order) and strides1/strides2 the element strides of each input per output
 * dimension (0 where the input has extent 1); size is then unused. *_offset of inputs = -zero point,
 * output_offset = +zero point; every multiplier/shift pair is real = m * 2^(shift-31) with shift <= 0;
 * left_shift is 20.
 */
void tfg_add_s8(const int8_t *input1, const int8_t *input2, int8_t *output, int32_t size, const int32_t *dims,
                const int32_t *strides1, const int32_t *strides2, int32_t input1_offset,
                int32_t input1_multiplier, int32_t input1_shift, int32_t input2_offset,
                int32_t input2_multiplier, int32_t input2_shift, int32_t left_shift, int32_t output_offset,
                int32_t output_multiplier, int32_t output_shift, int32_t act_min, int32_t act_max);

/*
 * MUL int8: out = clamp(output_offset + MBQM((x + input1_offset) * (y + input2_offset), multiplier, shift)).
 * dims/strides as for tfg_add_s8 (NULL dims = flat).
 */
void tfg_mul_s8(const int8_t *input1, const int8_t *input2, int8_t *output, int32_t size, const int32_t *dims,
                const int32_t *strides1, const int32_t *strides2, int32_t input1_offset, int32_t input2_offset,
                int32_t output_offset, int32_t output_multiplier, int32_t output_shift, int32_t act_min,
                int32_t act_max);

/* PAD int8: in_dims, out_dims, before: 5 entries each (shapes left-padded with 1, paddings with 0). */
void tfg_pad_s8(const int8_t *input, int8_t *output, const int32_t *in_dims, const int32_t *out_dims,
                const int32_t *before, int8_t pad_value);

/*
 * CONCATENATION int8 (plain copy): for each of outer_size blocks, copy_sizes[i] bytes of inputs[i] in order.
 */
void tfg_concat_s8(const int8_t *const *inputs, const int32_t *copy_sizes, int32_t num_inputs,
                   int32_t outer_size, int8_t *output);

/* Largest number of kept or reduced dimensions tfg_mean_s8 accepts. */
#define TFG_MEAN_MAX_RANK 6

/*
 * MEAN int8. Output element o (kept dims, row-major) sums input[base + reduced offset] over count elements,
 * where base and offsets are element strides into the input (kept and reduced arrays, at most TFG_MEAN_MAX_RANK
 * entries, at least 1); out = clamp(MBQM(sum - count * input_zero_point) + output_zero_point), with the
 * multiplier already including 1/count.
 */
void tfg_mean_s8(const int8_t *input, int8_t *output, const int32_t *kept_dims, const int32_t *kept_strides,
                 int32_t kept_rank, const int32_t *reduced_dims, const int32_t *reduced_strides,
                 int32_t reduced_rank, int32_t count, int32_t input_zero_point, int32_t output_zero_point,
                 int32_t multiplier, int32_t shift);

/* RELU int8: out = clamp(output_zero_point + MBQM(x - input_zero_point)), act_min = max(-128, zp_out). */
void tfg_relu_s8(const int8_t *input, int8_t *output, int32_t size, int32_t input_zero_point,
                 int32_t output_zero_point, int32_t multiplier, int32_t shift, int32_t act_min, int32_t act_max);

/* RELU6 int8: out = clamp(x, lower, upper) with lower = zp, upper = quantized 6.0 (input quantization). */
void tfg_relu6_s8(const int8_t *input, int8_t *output, int32_t size, int8_t lower, int8_t upper);

/*
 * QUANTIZE between integer types: out = MBQM(x - input_zero_point, multiplier, shift) + output_zero_point,
 * saturated to int8/int16; the int32 output wraps like int32 arithmetic.
 */
void tfg_requantize_s8_s8(const int8_t *input, int8_t *output, int32_t size, int32_t input_zero_point,
                          int32_t output_zero_point, int32_t multiplier, int32_t shift);
void tfg_requantize_s8_s16(const int8_t *input, int16_t *output, int32_t size, int32_t input_zero_point,
                           int32_t output_zero_point, int32_t multiplier, int32_t shift);
void tfg_requantize_s8_s32(const int8_t *input, int32_t *output, int32_t size, int32_t input_zero_point,
                           int32_t output_zero_point, int32_t multiplier, int32_t shift);
void tfg_requantize_s16_s8(const int16_t *input, int8_t *output, int32_t size, int32_t input_zero_point,
                           int32_t output_zero_point, int32_t multiplier, int32_t shift);
void tfg_requantize_s16_s16(const int16_t *input, int16_t *output, int32_t size, int32_t input_zero_point,
                            int32_t output_zero_point, int32_t multiplier, int32_t shift);
void tfg_requantize_s16_s32(const int16_t *input, int32_t *output, int32_t size, int32_t input_zero_point,
                            int32_t output_zero_point, int32_t multiplier, int32_t shift);

/* QUANTIZE float32 -> int8/int16 (float kernels): saturate(roundf(x / scale) + zero_point), NaN -> lowest. */
void tfg_quantize_f32_s8(const float *input, int8_t *output, int32_t size, float scale, int32_t zero_point);
void tfg_quantize_f32_s16(const float *input, int16_t *output, int32_t size, float scale, int32_t zero_point);

/* DEQUANTIZE int8/int16 -> float32 (float kernels): scale * (float)(q - zero_point). */
void tfg_dequantize_s8_f32(const int8_t *input, float *output, int32_t size, float scale, int32_t zero_point);
void tfg_dequantize_s16_f32(const int16_t *input, float *output, int32_t size, float scale, int32_t zero_point);

/* ===== end basic ===== */



/* ===== softmax, logistic, tanh (activation/) ===== */

/**
 * Softmax over the innermost dimension of an int8 tensor viewed as rows x depth (C order), output int8
 * with scale 1/256 and zero point -128, bit-exact with TFLM's reference kernel. input_multiplier (Q0.31)
 * and input_left_shift (>= 0) encode beta * input_scale * 2^26 (TFLite PreprocessSoftmaxScaling); entries
 * with x - row_max < diff_min (a negative number) get -128. depth <= 511 keeps TFLM's exponent check true;
 * longer rows are computed with the exponent clamped to 31 where TFLM would abort. input and output may not
 * overlap.
 */
void tfg_softmax_s8(const int8_t *input, int32_t rows, int32_t depth, int32_t input_multiplier,
                    int32_t input_left_shift, int32_t diff_min, int8_t *output);

/**
 * As tfg_softmax_s8 with int16 output of scale 1/65536 and zero point -32768 (TFLM's int8-in, int16-out
 * softmax).
 */
void tfg_softmax_s8_s16(const int8_t *input, int32_t rows, int32_t depth, int32_t input_multiplier,
                        int32_t input_left_shift, int32_t diff_min, int16_t *output);

/**
 * Softmax of an int16 tensor (rows x depth) to int16 with scale 1/32768 and zero point 0, bit-exact with TFLM's
 * SoftmaxInt16: (x - row_max) is rescaled by input_multiplier / input_shift (> 0 left) so that [-65535, 0]
 * covers [-10, 0], exp and 1/(1+x) come from the 513-entry interpolated tables exp_lut and
 * one_over_one_plus_x_lut (generated at prepare time). output holds the exponentials between passes, so
 * input and output may be the same buffer.
 */
void tfg_softmax_s16(const int16_t *input, int32_t rows, int32_t depth, int32_t input_multiplier,
                     int32_t input_shift, const int16_t *exp_lut, const int16_t *one_over_one_plus_x_lut,
                     int16_t *output);

/**
 * Element-wise logistic of size int8 values, output scale 1/256 and zero point -128, bit-exact with TFLM's
 * reference kernel. x - input_zero_point at or beyond +-input_range_radius saturates to 127 / -128;
 * otherwise it is rescaled to Q4.27 by input_multiplier (Q0.31) and input_shift (> 0 is a left shift).
 * input and output may be the same buffer.
 */
void tfg_logistic_s8(const int8_t *input, int32_t size, int32_t input_zero_point, int32_t input_range_radius,
                     int32_t input_multiplier, int32_t input_shift, int8_t *output);

/**
 * Element-wise tanh of size int8 values, output scale 1/128 and zero point 0, bit-exact with TFLM's
 * reference kernel; parameters as for tfg_logistic_s8. input and output may be the same buffer.
 */
void tfg_tanh_s8(const int8_t *input, int32_t size, int32_t input_zero_point, int32_t input_range_radius,
                 int32_t input_multiplier, int32_t input_shift, int8_t *output);

/*
 * The int16 variants (zero points 0, output scale 2^-15) use TFLite's sigmoid-table interpolation through
 * tfg_sigmoid_s16 / tfg_tanh_s16 of tfg_recurrent.h (the "lut" in the names keeps them apart from those
 * per-value helpers).
 */

/**
 * Element-wise int16 logistic of size values, bit-exact with TFLM's reference kernel: input_multiplier 0
 * means a power-of-two input scale (the input is multiplied by 3 << input_left_shift), otherwise
 * (x * input_multiplier + round) >> input_left_shift. Output in [0, 32767]. input and output may be the same.
 */
void tfg_logistic_lut_s16(const int16_t *input, int32_t size, int32_t input_multiplier, int32_t input_left_shift,
                          int16_t *output);

/** Element-wise int16 tanh of size values; parameters as for tfg_logistic_lut_s16. */
void tfg_tanh_lut_s16(const int16_t *input, int32_t size, int32_t input_multiplier, int32_t input_left_shift,
                      int16_t *output);

/* ===== end activation ===== */



/* ===== SVDF and LSTM (recurrent/) ===== */

#include "tfg_recurrent.h"

/**
 * SVDF, int8 (TFLM EvalIntegerSvdfReference<int8_t>). input [batches][input_size]; weights_feature
 * [num_filters][input_size]; weights_time [num_filters][memory_size]; bias [num_filters / rank] or NULL;
 * state [batches][num_filters][memory_size], oldest first, read and updated in place (reset: all bytes =
 * state_zero_point); output [batches][num_filters / rank]. scratch: tfg_svdf_s8_scratch_size(p) bytes,
 * 4-byte aligned. The fused activation is not applied (as TFLM's integer SVDF); outputs clamp to int8.
 */
tfg_status tfg_svdf_s8(const tfg_svdf_params *p, const int8_t *input, const int8_t *weights_feature,
                       const int8_t *weights_time, const int32_t *bias, int8_t *state, int8_t *output,
                       void *scratch);

/**
 * SVDF with int16 weights_time and state (TFLM EvalIntegerSvdfReference<int16_t>, what current converters
 * emit for int8 SVDF): as tfg_svdf_s8, new state values clamp to int16 before the state zero point (0 in
 * practice) is added. Reset: state all zero.
 */
tfg_status tfg_svdf_s8_s16(const tfg_svdf_params *p, const int8_t *input, const int8_t *weights_feature,
                           const int16_t *weights_time, const int32_t *bias, int16_t *state, int8_t *output,
                           void *scratch);

/**
 * UNIDIRECTIONAL_SEQUENCE_LSTM, int8 activations and weights, int32 biases, int16 cell state (TFLM
 * EvalLstm<int8_t, int8_t, int16_t, int32_t>; no CIFG, peephole, projection or layer norm). input
 * [batches][time_steps][input_size] ([time_steps][batches][input_size] when time_major); output the same with
 * state_size as the last dim; hidden_state [batches][state_size] int8 and cell_state [batches][state_size]
 * int16 are read and updated in place (reset: hidden = its zero point, cell = 0). scratch:
 * tfg_lstm_s8_scratch_size(p) bytes, 2-byte aligned.
 */
tfg_status tfg_lstm_s8(const tfg_lstm_params *p, const int8_t *input, int8_t *hidden_state,
                       int16_t *cell_state, int8_t *output, void *scratch);

/* ===== end recurrent ===== */

/* ===== in-place convolutions (inplace/) ===== */

/**
 * 1x1 CONV_2D (stride 1, no padding, one group), int8, in place: data holds pixels * in_c input bytes and
 * receives pixels * out_c output bytes from the same address (the buffer must hold the larger of the two).
 * filter [out_c][in_c]; bias may be NULL; other parameters as tfg_conv2d_s8. Works in blocks of block_pixels
 * pixels (>= 1) through tfg_conv2d_s8; scratch: block_pixels * in_c bytes.
 */
tfg_status tfg_conv1x1_inplace_s8(int8_t *data, int32_t pixels, int32_t in_c, int32_t out_c,
                                  const int8_t *filter, const int32_t *bias,
                                  int32_t input_offset, int32_t output_offset,
                                  tfg_per_channel_quant quant, tfg_activation act, int8_t *scratch,
                                  int32_t block_pixels);

/**
 * DEPTHWISE_CONV_2D with depth multiplier 1, int8, one batch, in place: the output (output_dims, same channel
 * count) is written over the input from the same address. Output rows are computed one at a time by
 * tfg_depthwise_conv2d_dsp_s8 (packed/requant as there, may be NULL) into a ring of ring_rows rows in
 * scratch (ring_rows * output_dims.w * output_dims.c bytes) and copied over the input once no later row
 * reads the bytes they land on. Returns TFG_ERROR when the ring is too small (the generator sizes it by the
 * same rule). Other parameters as tfg_depthwise_conv2d_s8.
 */
tfg_status tfg_depthwise_conv2d_inplace_s8(int8_t *data, tfg_dims input_dims,
                                           const int8_t *filter, tfg_dims filter_dims,
                                           const int32_t *bias, tfg_dims output_dims,
                                           int32_t stride_h, int32_t stride_w, int32_t dilation_h,
                                           int32_t dilation_w, int32_t pad_h, int32_t pad_w,
                                           int32_t input_offset, int32_t output_offset,
                                           tfg_per_channel_quant quant, tfg_activation act,
                                           const int32_t *packed, const int32_t *requant,
                                           int8_t *scratch, int32_t ring_rows);

/**
 * tfg_conv1x1_inplace_s8 over GEMM-packed weights (see tfg_conv2d_gemm_s8): blocks of four pixels; scratch:
 * 32 * ((in_c + 3) / 4) bytes, word aligned.
 */
tfg_status tfg_conv1x1_gemm_inplace_s8(int8_t *data, int32_t pixels, int32_t in_c, int32_t out_c,
                                       const int16_t *filter, const tfg_gemm_channel *channels,
                                       int32_t input_offset, int32_t output_offset, tfg_activation act, void *scratch);

/* ===== end in-place ===== */

/* ===== float32, dynamic-range (hybrid) and float16-weight kernels (all categories) ===== */

#include "tfg_float.h"

/* ===== end float ===== */

#endif /* TFG_NN_H */
