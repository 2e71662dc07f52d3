package io.tinyforge.train;

import io.tinyforge.data.LabeledImages;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.ModelException;
import io.tinyforge.ir.Tensor;
import io.tinyforge.refimpl.Interpreter;
import io.tinyforge.refimpl.PreparedModel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Classifies images with the Java reference interpreter: each image is scaled to [0, 1], then fed as float32
 * to a float model or quantized with the input tensor's scale and zero point (rounding half away from zero,
 * as TFLite's QUANTIZE) for an int8/uint8 model; the prediction is the arg max of the single output.
 */
public final class ModelAccuracy {

    private ModelAccuracy() {
    }

    /** The predicted class of every image. */
    public static int[] predict(PreparedModel model, LabeledImages images) {
        Graph g = model.graph();
        if (g.inputs().length != 1 || g.outputs().length != 1) {
            throw new ModelException("evaluate needs a model with one input and one output, this one has "
                    + g.inputs().length + " and " + g.outputs().length);
        }
        Tensor in = g.tensor(g.inputs()[0]);
        Tensor out = g.tensor(g.outputs()[0]);
        if (in.shape().elements() != images.imageSize()) {
            throw new ModelException("model input " + in.shape() + " has " + in.shape().elements()
                    + " elements, the images have " + images.rows() + "x" + images.cols());
        }
        if (in.dtype() != DType.FLOAT32 && !(in.dtype() == DType.INT8 || in.dtype() == DType.UINT8)) {
            throw new ModelException("input dtype " + in.dtype().label() + " not supported (float32, int8, uint8)");
        }
        if (in.dtype() != DType.FLOAT32 && !in.hasQuant()) {
            throw new ModelException("input tensor '" + in.name() + "' is " + in.dtype().label()
                    + " without quantization parameters");
        }
        Interpreter it = new Interpreter(model);
        int[] pred = new int[images.count()];
        for (int i = 0; i < images.count(); i++) {
            byte[] outBytes = it.run(encode(in, images.image(i)));
            pred[i] = argMax(out.dtype(), outBytes);
        }
        return pred;
    }

    /** The fraction of correct predictions. */
    public static double accuracy(int[] predictions, LabeledImages images) {
        int ok = 0;
        for (int i = 0; i < predictions.length; i++) {
            ok += predictions[i] == images.label(i) ? 1 : 0;
        }
        return predictions.length == 0 ? Double.NaN : (double) ok / predictions.length;
    }

    /** One image as the model's input record: float32, or quantized with the input's scale and zero point. */
    public static byte[] encode(Tensor in, float[] x) {
        if (in.dtype() == DType.FLOAT32) {
            ByteBuffer bb = ByteBuffer.allocate(4 * x.length).order(ByteOrder.LITTLE_ENDIAN);
            for (float f : x) {
                bb.putFloat(f);
            }
            return bb.array();
        }
        float scale = in.quant().scale();
        int zp = in.quant().zeroPoint();
        int lo = in.dtype() == DType.INT8 ? -128 : 0;
        int hi = in.dtype() == DType.INT8 ? 127 : 255;
        byte[] b = new byte[x.length];
        for (int i = 0; i < x.length; i++) {
            double v = x[i] / scale;
            long r = (long) (Math.signum(v) * Math.floor(Math.abs(v) + 0.5)) + zp;
            b[i] = (byte) Math.max(lo, Math.min(hi, r));
        }
        return b;
    }

    static int argMax(DType dtype, byte[] out) {
        int n;
        switch (dtype) {
            case FLOAT32 -> n = out.length / 4;
            case INT8, UINT8 -> n = out.length;
            case INT16 -> n = out.length / 2;
            default -> throw new ModelException("output dtype " + dtype.label() + " not supported for classification");
        }
        ByteBuffer bb = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        int best = 0;
        double bestV = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double v = switch (dtype) {
                case FLOAT32 -> bb.getFloat(4 * i);
                case INT8 -> out[i];
                case UINT8 -> out[i] & 0xff;
                default -> bb.getShort(2 * i);
            };
            if (v > bestV) {
                bestV = v;
                best = i;
            }
        }
        return best;
    }
}
