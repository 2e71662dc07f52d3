/*
 * tinyforge runtime: UNIDIRECTIONAL_SEQUENCE_LSTM with int8 input/hidden/output, int8 weights, int32 biases
 * and an int16 cell state. Bit-exact with TFLM's EvalLstm<int8_t, int8_t, int16_t, int32_t> (lstm_eval.h):
 * every gate is FC(input) + FC(hidden) in Q3.12 followed by the int16 sigmoid (tanh for the cell gate);
 * cell = forget * cell + input * cell_gate (saturated, clipped); hidden = tanh(cell) * output.
 */
#include "tfg_nn.h"
#include "tfg_fixedpoint.h"

/* Cores with the DSP extension (Cortex-M4/M7/M33) take two products per SMLAD; TFG_FORCE_REFERENCE selects
 * the plain C loop everywhere. Both give the same int32 sums (the products are only reassociated). */
#if defined(__ARM_FEATURE_DSP) && __ARM_FEATURE_DSP == 1 && !defined(TFG_FORCE_REFERENCE)
#include <arm_acle.h>
#include <string.h>
#define TFG_LSTM_DSP 1
#else
#define TFG_LSTM_DSP 0
#endif

static int32_t tfg_lstm_sat16(int32_t v)
{
    return tfg_clamp(v, -32768, 32767);
}

/* Dot product of n int8 pairs added to acc, four at a time. */
static int32_t tfg_lstm_dot_s8(const int8_t *w, const int8_t *x, int32_t n, int32_t acc)
{
    int32_t d = 0;
#if TFG_LSTM_DSP
    for (; d + 4 <= n; d += 4) {
        uint32_t wv;
        uint32_t xv;
        memcpy(&wv, w + d, 4);
        memcpy(&xv, x + d, 4);
        /* bytes 0 and 2, then bytes 1 and 3, sign-extended to halfword pairs */
        acc = (int32_t)__smlad(__sxtb16(wv), __sxtb16(xv), (uint32_t)acc);
        acc = (int32_t)__smlad(__sxtb16((wv >> 8) | (wv << 24)), __sxtb16((xv >> 8) | (xv << 24)), (uint32_t)acc);
    }
#else
    for (; d + 4 <= n; d += 4) {
        acc += (int32_t)w[d] * x[d] + (int32_t)w[d + 1] * x[d + 1] + (int32_t)w[d + 2] * x[d + 2]
               + (int32_t)w[d + 3] * x[d + 3];
    }
#endif
    for (; d < n; d++) {
        acc += (int32_t)w[d] * x[d];
    }
    return acc;
}

/* gate = act(FC(input) + FC(hidden)) for n_batch rows. */
static void tfg_lstm_gate_s8(const tfg_lstm_params *p, const tfg_lstm_gate *g, const int8_t *input,
                             const int8_t *hidden, int32_t n_batch, int use_tanh, int16_t *out)
{
    const int32_t n_state = p->state_size;
    const int32_t n_input = p->input_size;
    int32_t b;
    for (b = 0; b < n_batch; b++) {
        const int8_t *x = input + b * n_input;
        const int8_t *h = hidden + b * n_state;
        int32_t o;
        for (o = 0; o < n_state; o++) {
            const int32_t acc_in = tfg_lstm_dot_s8(g->input_weights + o * n_input, x, n_input, g->input_bias[o]);
            const int32_t acc_rec = tfg_lstm_dot_s8(g->recurrent_weights + o * n_state, h, n_state,
                                                    g->recurrent_bias[o]);
            const int32_t fc_in = tfg_lstm_sat16(tfg_mbqm(acc_in, g->input_quant.multiplier, g->input_quant.shift));
            const int32_t fc_rec = tfg_lstm_sat16(
                tfg_mbqm(acc_rec, g->recurrent_quant.multiplier, g->recurrent_quant.shift));
            const int32_t sum = tfg_lstm_sat16(fc_in + fc_rec);
            out[b * n_state + o] = use_tanh ? tfg_tanh_s16(sum, 0, 0) : tfg_sigmoid_s16(sum, 0, 0);
        }
    }
}

/* One time step over n_batch rows of state (all batches when time major, one otherwise). */
static void tfg_lstm_step_s8(const tfg_lstm_params *p, const int8_t *input, int8_t *hidden, int16_t *cell,
                             int8_t *output, int32_t n_batch, int16_t *buf)
{
    const int32_t n = n_batch * p->state_size;
    int16_t *forget = buf;
    int16_t *in_gate = buf + n;
    int16_t *cell_gate = buf + 2 * n;
    int16_t *out_gate = in_gate; /* reused once the cell is updated, as TFLM */
    int32_t i;

    tfg_lstm_gate_s8(p, &p->forget_gate, input, hidden, n_batch, 0, forget);
    tfg_lstm_gate_s8(p, &p->input_gate, input, hidden, n_batch, 0, in_gate);
    tfg_lstm_gate_s8(p, &p->cell_gate, input, hidden, n_batch, 1, cell_gate);
    for (i = 0; i < n; i++) {
        const int32_t fc = tfg_lstm_sat16(
            tfg_mbqm((int32_t)forget[i] * (int32_t)cell[i], p->forget_mul.multiplier, p->forget_mul.shift));
        const int32_t ic = tfg_lstm_sat16(
            tfg_mbqm((int32_t)in_gate[i] * (int32_t)cell_gate[i], p->input_mul.multiplier, p->input_mul.shift));
        int32_t c = tfg_lstm_sat16(fc + ic);
        if (p->cell_clip > 0) {
            c = tfg_clamp(c, -p->cell_clip, p->cell_clip);
        }
        cell[i] = (int16_t)c;
    }
    tfg_lstm_gate_s8(p, &p->output_gate, input, hidden, n_batch, 0, out_gate);
    for (i = 0; i < n; i++) {
        const int32_t t = tfg_tanh_s16(cell[i], p->cell_tanh_multiplier, p->cell_tanh_shift);
        const int32_t h = tfg_mbqm(t * (int32_t)out_gate[i], p->output_mul.multiplier, p->output_mul.shift)
                          + p->hidden_zero_point;
        hidden[i] = (int8_t)tfg_clamp(h, -128, 127);
        output[i] = hidden[i];
    }
}

tfg_status tfg_lstm_s8(const tfg_lstm_params *p, const int8_t *input, int8_t *hidden_state,
                       int16_t *cell_state, int8_t *output, void *scratch)
{
    int16_t *buf = (int16_t *)scratch;
    int32_t t;
    if (p->time_major) {
        for (t = 0; t < p->time_steps; t++) {
            tfg_lstm_step_s8(p, input + t * p->batches * p->input_size, hidden_state, cell_state,
                             output + t * p->batches * p->state_size, p->batches, buf);
        }
    } else {
        int32_t b;
        for (b = 0; b < p->batches; b++) {
            for (t = 0; t < p->time_steps; t++) {
                const int32_t step = b * p->time_steps + t;
                tfg_lstm_step_s8(p, input + step * p->input_size, hidden_state + b * p->state_size,
                                 cell_state + b * p->state_size, output + step * p->state_size, 1, buf);
            }
        }
    }
    return TFG_OK;
}
