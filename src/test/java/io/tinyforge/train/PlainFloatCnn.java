package io.tinyforge.train;

import io.tinyforge.ir.Conv2DOptions;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.Padding;
import io.tinyforge.ir.Pool2DOptions;
import io.tinyforge.ir.Activation;
import io.tinyforge.ir.FullyConnectedOptions;
import io.tinyforge.ir.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A test-only float forward pass over an imported float CNN graph (CONV_2D stride 1 with SAME/VALID padding,
 * MAX_POOL_2D VALID, RESHAPE, FULLY_CONNECTED, SOFTMAX), written from the TFLite layout definitions (NHWC
 * activations, OHWI filters, [units, inputs] weights) to check the exporter's layouts independently of ND4J.
 */
final class PlainFloatCnn {

    private PlainFloatCnn() {
    }

    /** The output of the graph for one image (h × w, channel 1). */
    static float[] run(Graph g, float[] image) {
        float[] x = image;
        int[] shape = g.tensor(g.inputs()[0]).shape().dims(); // [1, h, w, c]
        int h = shape[1];
        int w = shape[2];
        int c = shape[3];
        for (Operator op : g.operators()) {
            switch (op.type()) {
                case CONV_2D -> {
                    Conv2DOptions o = (Conv2DOptions) op.options();
                    Tensor ft = g.tensor(op.input(1));
                    float[] f = floats(ft);
                    float[] b = floats(g.tensor(op.input(2)));
                    int[] fs = ft.shape().dims();
                    int oc = fs[0];
                    int kh = fs[1];
                    int kw = fs[2];
                    int padT = o.padding() == Padding.SAME ? (kh - 1) / 2 : 0;
                    int padL = o.padding() == Padding.SAME ? (kw - 1) / 2 : 0;
                    int oh = o.padding() == Padding.SAME ? h : h - kh + 1;
                    int ow = o.padding() == Padding.SAME ? w : w - kw + 1;
                    float[] y = new float[oh * ow * oc];
                    for (int yy = 0; yy < oh; yy++) {
                        for (int xx = 0; xx < ow; xx++) {
                            for (int o2 = 0; o2 < oc; o2++) {
                                double acc = b[o2];
                                for (int i = 0; i < kh; i++) {
                                    for (int j = 0; j < kw; j++) {
                                        int iy = yy + i - padT;
                                        int ix = xx + j - padL;
                                        if (iy < 0 || ix < 0 || iy >= h || ix >= w) {
                                            continue;
                                        }
                                        for (int ci = 0; ci < c; ci++) {
                                            acc += x[(iy * w + ix) * c + ci] * f[((o2 * kh + i) * kw + j) * c + ci];
                                        }
                                    }
                                }
                                y[(yy * ow + xx) * oc + o2] = (float) act(acc, o.activation());
                            }
                        }
                    }
                    x = y;
                    h = oh;
                    w = ow;
                    c = oc;
                }
                case MAX_POOL_2D -> {
                    Pool2DOptions o = (Pool2DOptions) op.options();
                    int oh = (h - o.filterH()) / o.strideH() + 1;
                    int ow = (w - o.filterW()) / o.strideW() + 1;
                    float[] y = new float[oh * ow * c];
                    for (int yy = 0; yy < oh; yy++) {
                        for (int xx = 0; xx < ow; xx++) {
                            for (int ci = 0; ci < c; ci++) {
                                float m = Float.NEGATIVE_INFINITY;
                                for (int i = 0; i < o.filterH(); i++) {
                                    for (int j = 0; j < o.filterW(); j++) {
                                        m = Math.max(m, x[((yy * o.strideH() + i) * w + xx * o.strideW() + j) * c + ci]);
                                    }
                                }
                                y[(yy * ow + xx) * c + ci] = m;
                            }
                        }
                    }
                    x = y;
                    h = oh;
                    w = ow;
                }
                case RESHAPE -> {
                    c = x.length;
                    h = 1;
                    w = 1;
                }
                case FULLY_CONNECTED -> {
                    Tensor wt = g.tensor(op.input(1));
                    float[] wv = floats(wt);
                    float[] b = floats(g.tensor(op.input(2)));
                    int units = wt.shape().dim(0);
                    int in = wt.shape().dim(1);
                    float[] y = new float[units];
                    for (int u = 0; u < units; u++) {
                        double acc = b[u];
                        for (int i = 0; i < in; i++) {
                            acc += x[i] * wv[u * in + i];
                        }
                        y[u] = (float) act(acc, ((FullyConnectedOptions) op.options()).activation());
                    }
                    x = y;
                    c = units;
                }
                case SOFTMAX -> {
                    double max = Double.NEGATIVE_INFINITY;
                    for (float v : x) {
                        max = Math.max(max, v);
                    }
                    double sum = 0;
                    float[] y = new float[x.length];
                    for (int i = 0; i < x.length; i++) {
                        sum += Math.exp(x[i] - max);
                    }
                    for (int i = 0; i < x.length; i++) {
                        y[i] = (float) (Math.exp(x[i] - max) / sum);
                    }
                    x = y;
                }
                default -> throw new IllegalArgumentException("unexpected " + op.type());
            }
        }
        return x;
    }

    private static double act(double v, Activation a) {
        return a == Activation.RELU ? Math.max(0, v) : v;
    }

    private static float[] floats(Tensor t) {
        float[] f = new float[(int) t.shape().elements()];
        ByteBuffer.wrap(t.data()).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(f);
        return f;
    }
}
