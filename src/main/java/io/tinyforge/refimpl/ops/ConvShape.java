package io.tinyforge.refimpl.ops;

import io.tinyforge.ir.Operator;
import io.tinyforge.ir.Padding;
import io.tinyforge.ir.Tensor;

/**
 * Geometry of a float or hybrid CONV_2D / DEPTHWISE_CONV_2D, checked once: NHWC input and output, filter
 * dims ({@code [outC][kh][kw][filterC]} for CONV_2D, {@code [1][kh][kw][outC]} for depthwise), strides,
 * dilations and the leading padding (TFLite ComputePaddingHeightWidth).
 */
public record ConvShape(int batches, int inH, int inW, int inC, int filterN, int filterH, int filterW,
        int filterC, int outH, int outW, int outC, int strideH, int strideW, int dilationH, int dilationW,
        int padH, int padW) {

    /** Validates the shapes of {@code in}, {@code w}, {@code out} against the options. */
    static ConvShape of(Operator op, Tensor in, Tensor w, Tensor out, Padding padding, int strideH, int strideW,
            int dilationH, int dilationW) {
        ConvSupport.requireRank(op, in, "input", 4);
        ConvSupport.requireRank(op, w, "weights", 4);
        ConvSupport.requireRank(op, out, "output", 4);
        int[] i = in.shape().dims();
        int[] f = w.shape().dims();
        int[] o = out.shape().dims();
        int outH = ConvSupport.outSize(op, padding, i[1], f[1], strideH, dilationH);
        int outW = ConvSupport.outSize(op, padding, i[2], f[2], strideW, dilationW);
        if (o[0] != i[0] || o[1] != outH || o[2] != outW) {
            throw FloatSupport.error(op, "output " + out + " should be [" + i[0] + "," + outH + "," + outW
                    + ",...]; the model is malformed, re-export it");
        }
        int padH = ConvSupport.padding(strideH, dilationH, i[1], f[1], outH);
        int padW = ConvSupport.padding(strideW, dilationW, i[2], f[2], outW);
        return new ConvShape(i[0], i[1], i[2], i[3], f[0], f[1], f[2], f[3], outH, outW, o[3], strideH, strideW,
                dilationH, dilationW, padH, padW);
    }

    /** {n, h, w, c} of the input. */
    public int[] inputDims() {
        return new int[] {batches, inH, inW, inC};
    }

    /** The filter's four dimensions as stored. */
    public int[] filterDims() {
        return new int[] {filterN, filterH, filterW, filterC};
    }

    /** {n, h, w, c} of the output. */
    public int[] outputDims() {
        return new int[] {batches, outH, outW, outC};
    }
}
