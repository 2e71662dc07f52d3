package io.tinyforge.quantize;

import io.tinyforge.ir.Activation;
import io.tinyforge.ir.ConcatenationOptions;
import io.tinyforge.ir.Conv2DOptions;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.DepthwiseConv2DOptions;
import io.tinyforge.ir.FullyConnectedOptions;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.ModelException;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.Padding;
import io.tinyforge.ir.Pool2DOptions;
import io.tinyforge.ir.SoftmaxOptions;
import io.tinyforge.ir.Tensor;

/**
 * A small float32 evaluator of the ops float models use (conv, depthwise, fully connected, pools, reshape,
 * softmax, the activations, add, concatenation, pad, mean over H and W), for calibration and error reports:
 * plain loops in double accumulation, not meant to be bit-exact with any kernel.
 */
public final class FloatGraphEvaluator implements FloatRunner {
    private final Graph g;

    public FloatGraphEvaluator(Graph graph) {
        this.g = graph;
        for (Operator op : graph.operators()) {
            switch (op.type()) {
                case CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED, AVERAGE_POOL_2D, MAX_POOL_2D, RESHAPE, SOFTMAX,
                        RELU, RELU6, LOGISTIC, TANH, ADD, CONCATENATION, PAD, MEAN, DEQUANTIZE -> {
                }
                default -> throw new ModelException("operator " + op.index() + " " + op.type()
                        + " is not supported for float calibration");
            }
        }
    }

    /** Float values of a constant float32 or float16 tensor. */
    static float[] constFloats(Tensor t) {
        byte[] d = t.data();
        int n = (int) t.shape().elements();
        float[] v = new float[n];
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(d).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            v[i] = switch (t.dtype()) {
                case FLOAT32 -> b.getFloat(4 * i);
                case FLOAT16 -> Half.toFloat(b.getShort(2 * i));
                default -> throw new ModelException("tensor " + t + " is not float");
            };
        }
        return v;
    }

    @Override
    public float[][] run(float[][] inputs) {
        float[][] v = new float[g.tensors().size()][];
        for (Tensor t : g.tensors()) {
            if (t.isConstant() && (t.dtype() == DType.FLOAT32 || t.dtype() == DType.FLOAT16)) {
                v[t.index()] = constFloats(t);
            }
        }
        int[] in = g.inputs();
        for (int i = 0; i < in.length; i++) {
            v[in[i]] = inputs[i];
        }
        for (Operator op : g.operators()) {
            v[op.output(0)] = eval(op, v);
        }
        return v;
    }

    private int[] dims(int tensor) {
        return g.tensor(tensor).shape().dims();
    }

    private float[] eval(Operator op, float[][] v) {
        float[] x = v[op.input(0)];
        int[] xs = dims(op.input(0));
        int[] os = dims(op.output(0));
        switch (op.type()) {
            case CONV_2D: {
                Conv2DOptions o = op.options(Conv2DOptions.class);
                return act(conv(x, xs, v[op.input(1)], dims(op.input(1)), bias(op, v), os, o.strideH(), o.strideW(),
                        o.dilationH(), o.dilationW(), o.padding(), false), o.activation());
            }
            case DEPTHWISE_CONV_2D: {
                DepthwiseConv2DOptions o = op.options(DepthwiseConv2DOptions.class);
                return act(conv(x, xs, v[op.input(1)], dims(op.input(1)), bias(op, v), os, o.strideH(), o.strideW(),
                        o.dilationH(), o.dilationW(), o.padding(), true), o.activation());
            }
            case FULLY_CONNECTED: {
                FullyConnectedOptions o = op.options(FullyConnectedOptions.class);
                float[] w = v[op.input(1)];
                int[] ws = dims(op.input(1));
                int units = ws[0];
                int depth = ws[1];
                float[] b = bias(op, v);
                int batches = x.length / depth;
                float[] y = new float[batches * units];
                for (int n = 0; n < batches; n++) {
                    for (int u = 0; u < units; u++) {
                        double acc = b == null ? 0 : b[u];
                        for (int k = 0; k < depth; k++) {
                            acc += (double) x[n * depth + k] * w[u * depth + k];
                        }
                        y[n * units + u] = (float) acc;
                    }
                }
                return act(y, o.activation());
            }
            case AVERAGE_POOL_2D:
            case MAX_POOL_2D: {
                Pool2DOptions o = op.options(Pool2DOptions.class);
                return act(pool(x, xs, os, o, op.type() == io.tinyforge.ir.OpType.MAX_POOL_2D), o.activation());
            }
            case RESHAPE:
            case DEQUANTIZE:
                return x.clone();
            case SOFTMAX: {
                float beta = op.options(SoftmaxOptions.class).beta();
                int inner = xs[xs.length - 1];
                float[] y = new float[x.length];
                for (int r = 0; r < x.length / inner; r++) {
                    float mx = Float.NEGATIVE_INFINITY;
                    for (int i = 0; i < inner; i++) {
                        mx = Math.max(mx, x[r * inner + i]);
                    }
                    double sum = 0;
                    for (int i = 0; i < inner; i++) {
                        sum += Math.exp(beta * (x[r * inner + i] - mx));
                    }
                    for (int i = 0; i < inner; i++) {
                        y[r * inner + i] = (float) (Math.exp(beta * (x[r * inner + i] - mx)) / sum);
                    }
                }
                return y;
            }
            case RELU:
                return act(x, Activation.RELU);
            case RELU6:
                return act(x, Activation.RELU6);
            case LOGISTIC: {
                float[] y = new float[x.length];
                for (int i = 0; i < x.length; i++) {
                    y[i] = (float) (1 / (1 + Math.exp(-x[i])));
                }
                return y;
            }
            case TANH: {
                float[] y = new float[x.length];
                for (int i = 0; i < x.length; i++) {
                    y[i] = (float) Math.tanh(x[i]);
                }
                return y;
            }
            case ADD: {
                float[] b = v[op.input(1)];
                float[] y = new float[Math.max(x.length, b.length)];
                for (int i = 0; i < y.length; i++) {
                    y[i] = x[i % x.length] + b[i % b.length];
                }
                Activation a = op.options() instanceof io.tinyforge.ir.ActivationOptions ao ? ao.activation()
                        : Activation.NONE;
                return act(y, a);
            }
            case CONCATENATION: {
                ConcatenationOptions o = op.options(ConcatenationOptions.class);
                int axis = o.axis() < 0 ? o.axis() + os.length : o.axis();
                int outer = 1;
                for (int d = 0; d < axis; d++) {
                    outer *= os[d];
                }
                float[] y = new float[(int) g.tensor(op.output(0)).shape().elements()];
                int pos = 0;
                int rowOut = y.length / outer;
                for (int k = 0; k < op.inputCount(); k++) {
                    float[] part = v[op.input(k)];
                    int row = part.length / outer;
                    for (int r = 0; r < outer; r++) {
                        System.arraycopy(part, r * row, y, r * rowOut + pos, row);
                    }
                    pos += row;
                }
                return act(y, o.activation());
            }
            case PAD: {
                int[] p = intConst(op.input(1));
                int rank = xs.length;
                float[] y = new float[(int) g.tensor(op.output(0)).shape().elements()];
                int[] idx = new int[rank];
                for (int i = 0; i < x.length; i++) {
                    int rem = i;
                    for (int d = rank - 1; d >= 0; d--) {
                        idx[d] = rem % xs[d];
                        rem /= xs[d];
                    }
                    int o = 0;
                    for (int d = 0; d < rank; d++) {
                        o = o * os[d] + idx[d] + p[2 * d];
                    }
                    y[o] = x[i];
                }
                return y;
            }
            case MEAN: {
                if (xs.length != 4) {
                    throw new ModelException("operator " + op.index() + " MEAN: float calibration supports 4-D"
                            + " input reduced over H and W only");
                }
                int h = xs[1];
                int w = xs[2];
                int c = xs[3];
                float[] y = new float[xs[0] * c];
                for (int n = 0; n < xs[0]; n++) {
                    for (int ch = 0; ch < c; ch++) {
                        double s = 0;
                        for (int i = 0; i < h * w; i++) {
                            s += x[(n * h * w + i) * c + ch];
                        }
                        y[n * c + ch] = (float) (s / (h * w));
                    }
                }
                return y;
            }
            default:
                throw new ModelException("operator " + op.index() + " " + op.type() + " has no float evaluator");
        }
    }

    private int[] intConst(int tensor) {
        Tensor t = g.tensor(tensor);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(t.data()).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int n = (int) t.shape().elements();
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = t.dtype() == DType.INT64 ? (int) b.getLong(8 * i) : b.getInt(4 * i);
        }
        return r;
    }

    private static float[] bias(Operator op, float[][] v) {
        int b = op.input(2);
        return b < 0 ? null : v[b];
    }

    static float[] act(float[] y, Activation a) {
        switch (a) {
            case NONE:
                return y;
            case RELU:
            case RELU6:
            case RELU_N1_TO_1: {
                float lo = a == Activation.RELU_N1_TO_1 ? -1f : 0f;
                float hi = a == Activation.RELU ? Float.POSITIVE_INFINITY : a == Activation.RELU6 ? 6f : 1f;
                float[] r = new float[y.length];
                for (int i = 0; i < y.length; i++) {
                    r[i] = Math.max(lo, Math.min(hi, y[i]));
                }
                return r;
            }
            default:
                throw new ModelException("fused activation " + a + " is not supported for float calibration");
        }
    }

    /** TFLite padding before the first element (SAME: floor of half the total, VALID: 0). */
    static int padBefore(Padding p, int in, int out, int k, int stride, int dil) {
        if (p != Padding.SAME) {
            return 0;
        }
        int eff = (k - 1) * dil + 1;
        return Math.max(0, ((out - 1) * stride + eff - in) / 2);
    }

    private static float[] conv(float[] x, int[] xs, float[] w, int[] ws, float[] b, int[] os, int sh, int sw, int dh,
            int dw, Padding pad, boolean depthwise) {
        int n = xs[0];
        int ih = xs[1];
        int iw = xs[2];
        int ic = xs[3];
        int oh = os[1];
        int ow = os[2];
        int oc = os[3];
        int kh = ws[1];
        int kw = ws[2];
        int ph = padBefore(pad, ih, oh, kh, sh, dh);
        int pw = padBefore(pad, iw, ow, kw, sw, dw);
        int mult = depthwise ? oc / ic : 0;
        float[] y = new float[n * oh * ow * oc];
        for (int bn = 0; bn < n; bn++) {
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    for (int c = 0; c < oc; c++) {
                        double acc = b == null ? 0 : b[c];
                        for (int ky = 0; ky < kh; ky++) {
                            int yy = oy * sh - ph + ky * dh;
                            if (yy < 0 || yy >= ih) {
                                continue;
                            }
                            for (int kx = 0; kx < kw; kx++) {
                                int xx = ox * sw - pw + kx * dw;
                                if (xx < 0 || xx >= iw) {
                                    continue;
                                }
                                int base = ((bn * ih + yy) * iw + xx) * ic;
                                if (depthwise) {
                                    acc += (double) x[base + c / mult] * w[(ky * kw + kx) * oc + c];
                                } else {
                                    int wb = ((c * kh + ky) * kw + kx) * ic;
                                    for (int ci = 0; ci < ic; ci++) {
                                        acc += (double) x[base + ci] * w[wb + ci];
                                    }
                                }
                            }
                        }
                        y[((bn * oh + oy) * ow + ox) * oc + c] = (float) acc;
                    }
                }
            }
        }
        return y;
    }

    private static float[] pool(float[] x, int[] xs, int[] os, Pool2DOptions o, boolean max) {
        int n = xs[0];
        int ih = xs[1];
        int iw = xs[2];
        int c = xs[3];
        int oh = os[1];
        int ow = os[2];
        int ph = padBefore(o.padding(), ih, oh, o.filterH(), o.strideH(), 1);
        int pw = padBefore(o.padding(), iw, ow, o.filterW(), o.strideW(), 1);
        float[] y = new float[n * oh * ow * c];
        for (int bn = 0; bn < n; bn++) {
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    for (int ch = 0; ch < c; ch++) {
                        double acc = max ? Double.NEGATIVE_INFINITY : 0;
                        int cnt = 0;
                        for (int ky = 0; ky < o.filterH(); ky++) {
                            int yy = oy * o.strideH() - ph + ky;
                            for (int kx = 0; kx < o.filterW(); kx++) {
                                int xx = ox * o.strideW() - pw + kx;
                                if (yy < 0 || yy >= ih || xx < 0 || xx >= iw) {
                                    continue;
                                }
                                float val = x[((bn * ih + yy) * iw + xx) * c + ch];
                                acc = max ? Math.max(acc, val) : acc + val;
                                cnt++;
                            }
                        }
                        y[((bn * oh + oy) * ow + ox) * c + ch] = (float) (max ? acc : acc / cnt);
                    }
                }
            }
        }
        return y;
    }
}
