package io.tinyforge.refimpl.ops;

import io.tinyforge.ir.Graph;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.Padding;
import io.tinyforge.ir.Pool2DOptions;
import io.tinyforge.ir.Tensor;

/**
 * The NHWC geometry of a 2-D pooling window, resolved once: sizes, filter, strides and the top/left padding
 * (TFLite {@code ComputePaddingHeightWidth} with dilation 1; the bottom/right padding is implied by the window
 * being clipped to the input).
 */
public record PoolGeometry(int batches, int inH, int inW, int channels, int outH, int outW, int filterH,
        int filterW, int strideH, int strideW, int padH, int padW) {

    /** Validates shapes against the options and computes the padding. */
    static PoolGeometry of(Graph g, Operator op, Pool2DOptions o) {
        Tensor in = BasicChecks.input(g, op, 0);
        Tensor out = BasicChecks.output(g, op);
        if (in.shape().rank() != 4 || out.shape().rank() != 4) {
            throw BasicChecks.fail(op, "input " + in.shape() + " and output " + out.shape()
                    + " must both be 4-D (NHWC)");
        }
        int[] i = in.shape().dims();
        int[] q = out.shape().dims();
        int outH = outSize(o.padding(), i[1], o.filterH(), o.strideH());
        int outW = outSize(o.padding(), i[2], o.filterW(), o.strideW());
        if (q[0] != i[0] || q[3] != i[3] || q[1] != outH || q[2] != outW) {
            throw BasicChecks.fail(op, "output shape " + out.shape() + " does not match input " + in.shape()
                    + " with filter " + o.filterH() + "x" + o.filterW() + ", stride " + o.strideH() + "x"
                    + o.strideW() + " and " + o.padding() + " padding (expected [" + i[0] + "," + outH + ","
                    + outW + "," + i[3] + "])");
        }
        if (outH < 1 || outW < 1) {
            throw BasicChecks.fail(op, "the " + o.filterH() + "x" + o.filterW()
                    + " window does not fit the input " + in.shape());
        }
        int padH = padding(o.strideH(), i[1], o.filterH(), outH);
        int padW = padding(o.strideW(), i[2], o.filterW(), outW);
        return new PoolGeometry(i[0], i[1], i[2], i[3], outH, outW, o.filterH(), o.filterW(), o.strideH(),
                o.strideW(), padH, padW);
    }

    private static int outSize(Padding p, int in, int filter, int stride) {
        return p == Padding.SAME ? (in + stride - 1) / stride : (in + stride - filter) / stride;
    }

    private static int padding(int stride, int in, int filter, int out) {
        int total = (out - 1) * stride + filter - in;
        return total > 0 ? total / 2 : 0;
    }

    /** Number of output elements. */
    public int outputElements() {
        return batches * outH * outW * channels;
    }
}
