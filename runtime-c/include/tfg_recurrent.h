/*
 * tinyforge runtime: parameter structs and int16 fixed-point helpers of the recurrent kernels (SVDF, LSTM).
 * The int16 sigmoid/tanh are bit-exact with TFLite's reference_integer_ops::Logistic/Tanh (int16 variants)
 * that TFLM's integer LSTM uses. No floats, no state.
 */
#ifndef TFG_RECURRENT_H
#define TFG_RECURRENT_H

#include <stddef.h>
#include <stdint.h>
#include "tfg_types.h"

/** SVDF with int8 input and weights_feature, int8 or int16 weights_time and state (tfg_svdf_s8 / _s8_s16). */
typedef struct {
    int32_t batches;           /**< batch count */
    int32_t input_size;        /**< input features per batch */
    int32_t num_filters;       /**< filters = units * rank */
    int32_t rank;              /**< filters summed into one output unit */
    int32_t memory_size;       /**< time steps kept per filter in the state */
    int32_t input_zero_point;  /**< subtracted from every input value */
    int32_t state_zero_point;  /**< added to a new state value (after the state-type clamp), subtracted when read */
    int32_t output_zero_point; /**< added after the output rescale */
    tfg_quant feature_quant;   /**< s_input * s_weights_feature / s_state */
    tfg_quant time_quant;      /**< s_state * s_weights_time / s_output */
} tfg_svdf_params;

/** Bytes of (4-byte aligned) scratch tfg_svdf_s8(_s16) needs: int32 per filter and per unit, every batch. */
static inline size_t tfg_svdf_s8_scratch_size(const tfg_svdf_params *p)
{
    return (size_t)4 * (size_t)p->batches * (size_t)(p->num_filters + p->num_filters / p->rank);
}

/**
 * One LSTM gate: FC(input) + FC(hidden), both rescaled to Q3.12 int16 and added with saturation. The zero
 * points are folded into the two bias vectors (sum of w * (x - zp) = sum of w * x - zp * sum of w), so the
 * kernel accumulates plain products; the int32 sums are the reference's, reassociated.
 */
typedef struct {
    const int8_t *input_weights;     /**< [state_size][input_size], zero point 0 */
    const int8_t *recurrent_weights; /**< [state_size][state_size], zero point 0 */
    const int32_t *input_bias;       /**< [state_size]: gate bias - input zero point * row sum of input_weights */
    const int32_t *recurrent_bias;   /**< [state_size]: - hidden zero point * row sum of recurrent_weights */
    tfg_quant input_quant;           /**< s_input * s_input_weights / 2^-12 */
    tfg_quant recurrent_quant;       /**< s_hidden * s_recurrent_weights / 2^-12 */
} tfg_lstm_gate;

/** UNIDIRECTIONAL_SEQUENCE_LSTM, int8 activations/weights, int16 cell (TFLM EvalLstm<int8,int8,int16,int32>). */
typedef struct {
    int32_t time_major;        /**< 1: input [time][batch][input]; 0: [batch][time][input] */
    int32_t batches;           /**< batch count */
    int32_t time_steps;        /**< time steps per invocation */
    int32_t input_size;        /**< input features */
    int32_t state_size;        /**< cells: width of the hidden and cell state */
    tfg_lstm_gate forget_gate; /**< sigmoid */
    tfg_lstm_gate input_gate;  /**< sigmoid */
    tfg_lstm_gate cell_gate;   /**< tanh */
    tfg_lstm_gate output_gate; /**< sigmoid */
    tfg_quant forget_mul;      /**< forget (Q0.15) x cell -> cell: 2^-15 */
    tfg_quant input_mul;       /**< input gate x cell gate (Q0.15 each) -> cell: 2^-30 / s_cell */
    tfg_quant output_mul;      /**< tanh(cell) x output gate (Q0.15 each) -> hidden: 2^-30 / s_hidden */
    int32_t hidden_zero_point; /**< added after output_mul */
    int32_t cell_clip;         /**< cell state clamped to [-cell_clip, cell_clip]; 0: no clipping */
    int32_t cell_tanh_multiplier; /**< input multiplier of the tanh of the cell state (0: power-of-two case) */
    int32_t cell_tanh_shift;   /**< input left shift of that tanh */
} tfg_lstm_params;

/** Bytes of (2-byte aligned) scratch tfg_lstm_s8 needs: three int16 gate vectors of batches * state_size. */
static inline size_t tfg_lstm_s8_scratch_size(const tfg_lstm_params *p)
{
    return (size_t)6 * (size_t)p->batches * (size_t)p->state_size;
}

/*
 * sigmoid(i/24) * 2^16 for i in [0, 255] (unsigned Q0.16, 65535 at the top): TFLite's sigmoid_table_uint16
 * (Apache-2.0, shared with TFLM and CMSIS-NN), reproduced as data for bit-exactness.
 */
static const uint16_t tfg_sigmoid_table_q016[256] = {
    32768, 33451, 34133, 34813, 35493, 36169, 36843, 37513, 38180, 38841, 39498, 40149,
    40794, 41432, 42064, 42688, 43304, 43912, 44511, 45102, 45683, 46255, 46817, 47369,
    47911, 48443, 48964, 49475, 49975, 50464, 50942, 51409, 51865, 52311, 52745, 53169,
    53581, 53983, 54374, 54755, 55125, 55485, 55834, 56174, 56503, 56823, 57133, 57433,
    57724, 58007, 58280, 58544, 58800, 59048, 59288, 59519, 59743, 59959, 60168, 60370,
    60565, 60753, 60935, 61110, 61279, 61441, 61599, 61750, 61896, 62036, 62172, 62302,
    62428, 62549, 62666, 62778, 62886, 62990, 63090, 63186, 63279, 63368, 63454, 63536,
    63615, 63691, 63765, 63835, 63903, 63968, 64030, 64090, 64148, 64204, 64257, 64308,
    64357, 64405, 64450, 64494, 64536, 64576, 64614, 64652, 64687, 64721, 64754, 64786,
    64816, 64845, 64873, 64900, 64926, 64950, 64974, 64997, 65019, 65039, 65060, 65079,
    65097, 65115, 65132, 65149, 65164, 65179, 65194, 65208, 65221, 65234, 65246, 65258,
    65269, 65280, 65291, 65301, 65310, 65319, 65328, 65337, 65345, 65352, 65360, 65367,
    65374, 65381, 65387, 65393, 65399, 65404, 65410, 65415, 65420, 65425, 65429, 65433,
    65438, 65442, 65445, 65449, 65453, 65456, 65459, 65462, 65465, 65468, 65471, 65474,
    65476, 65479, 65481, 65483, 65485, 65488, 65489, 65491, 65493, 65495, 65497, 65498,
    65500, 65501, 65503, 65504, 65505, 65507, 65508, 65509, 65510, 65511, 65512, 65513,
    65514, 65515, 65516, 65517, 65517, 65518, 65519, 65520, 65520, 65521, 65522, 65522,
    65523, 65523, 65524, 65524, 65525, 65525, 65526, 65526, 65526, 65527, 65527, 65528,
    65528, 65528, 65529, 65529, 65529, 65529, 65530, 65530, 65530, 65530, 65531, 65531,
    65531, 65531, 65531, 65532, 65532, 65532, 65532, 65532, 65532, 65533, 65533, 65533,
    65533, 65533, 65533, 65533, 65533, 65534, 65534, 65534, 65534, 65534, 65534, 65534,
    65534, 65534, 65534, 65535
};

/** Arithmetic (flooring) right shift of a signed value, written portably; shift in [0, 31]. */
static inline int32_t tfg_asr32(int32_t v, int32_t shift)
{
    return v >= 0 ? (int32_t)((uint32_t)v >> shift) : -(int32_t)((uint32_t)(-(v + 1)) >> shift) - 1;
}

/**
 * int16 logistic (TFLite reference_integer_ops::Logistic, int16): input_multiplier 0 means the power-of-two
 * case, x * (3 << input_left_shift); otherwise (x * input_multiplier + round) >> input_left_shift.
 * Q3.12 in (after scaling), Q0.15 out in [0, 32767].
 */
static inline int16_t tfg_sigmoid_s16(int32_t x, int32_t input_multiplier, int32_t input_left_shift)
{
    int32_t in;
    uint32_t abs_in;
    uint32_t uh;
    uint32_t result;
    if (input_multiplier == 0) {
        input_multiplier = 3 << input_left_shift;
        input_left_shift = 0;
    }
    in = tfg_asr32(x * input_multiplier + (input_left_shift > 0 ? (1 << (input_left_shift - 1)) : 0),
                   input_left_shift);
    abs_in = (uint32_t)(in < 0 ? -in : in);
    uh = abs_in >> 9;
    if (uh >= 255u) {
        result = 0x7FFFu << 10;
    } else {
        const uint32_t ua = tfg_sigmoid_table_q016[uh];
        const uint32_t ub = tfg_sigmoid_table_q016[uh + 1u];
        result = (ua << 9) + (abs_in & 0x1FFu) * (ub - ua);
    }
    result = in >= 0 ? result + (1u << 9) : (1u << 25) - result + (1u << 9) - 1u;
    return (int16_t)(result >> 10);
}

/** int16 tanh (TFLite reference_integer_ops::Tanh, int16), input scaling as tfg_sigmoid_s16; Q0.15 out. */
static inline int16_t tfg_tanh_s16(int32_t x, int32_t input_multiplier, int32_t input_left_shift)
{
    int32_t in;
    uint32_t abs_in;
    uint32_t uh;
    int32_t result;
    if (input_multiplier == 0) {
        input_multiplier = 3 << input_left_shift;
        input_left_shift = 0;
    }
    in = tfg_asr32(x * input_multiplier + (input_left_shift > 0 ? (1 << (input_left_shift - 1)) : 0),
                   input_left_shift);
    abs_in = (uint32_t)(in < 0 ? -in : in);
    uh = abs_in >> 8;
    if (uh >= 255u) {
        result = (int32_t)(0xFFFFu << 8);
    } else {
        const uint32_t ua = tfg_sigmoid_table_q016[uh];
        const uint32_t ub = tfg_sigmoid_table_q016[uh + 1u];
        result = (int32_t)((ua << 8) + (abs_in & 0xFFu) * (ub - ua));
    }
    result = in >= 0 ? result - (1 << 23) + (1 << 7) : -result + (1 << 23) + (1 << 7) - 1;
    return (int16_t)tfg_asr32(result, 8);
}

#endif /* TFG_RECURRENT_H */
