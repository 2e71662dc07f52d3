package io.tinyforge.importer;

import io.tinyforge.ir.Activation;
import io.tinyforge.ir.ActivationOptions;
import io.tinyforge.ir.ConcatenationOptions;
import io.tinyforge.ir.Conv2DOptions;
import io.tinyforge.ir.DepthwiseConv2DOptions;
import io.tinyforge.ir.FullyConnectedOptions;
import io.tinyforge.ir.LstmOptions;
import io.tinyforge.ir.ModelException;
import io.tinyforge.ir.NoOptions;
import io.tinyforge.ir.OpOptions;
import io.tinyforge.ir.OpType;
import io.tinyforge.ir.Padding;
import io.tinyforge.ir.Pool2DOptions;
import io.tinyforge.ir.ReducerOptions;
import io.tinyforge.ir.ReshapeOptions;
import io.tinyforge.ir.SoftmaxOptions;
import io.tinyforge.ir.SvdfOptions;
import org.tensorflow.lite.schema.AddOptions;
import org.tensorflow.lite.schema.BuiltinOptions;
import org.tensorflow.lite.schema.MulOptions;
import org.tensorflow.lite.schema.Operator;
import org.tensorflow.lite.schema.SVDFOptions;
import org.tensorflow.lite.schema.UnidirectionalSequenceLSTMOptions;

/** Turns the flatbuffer builtin options of one operator into the matching {@link OpOptions} record. */
final class OptionsReader {

    private OptionsReader() {
    }

    static OpOptions read(OpType type, Operator op, String where, int opIndex) {
        byte kind = op.builtinOptionsType();
        switch (type) {
            case CONV_2D: {
                var o = (org.tensorflow.lite.schema.Conv2DOptions) table(op, kind, BuiltinOptions.Conv2DOptions,
                        new org.tensorflow.lite.schema.Conv2DOptions(), type, where, opIndex);
                return new Conv2DOptions(padding(o.padding(), where, opIndex), positive(o.strideW(), "stride", where, opIndex),
                        positive(o.strideH(), "stride", where, opIndex), positive(o.dilationWFactor(), "dilation", where, opIndex),
                        positive(o.dilationHFactor(), "dilation", where, opIndex), act(o.fusedActivationFunction(), where, opIndex));
            }
            case DEPTHWISE_CONV_2D: {
                var o = (org.tensorflow.lite.schema.DepthwiseConv2DOptions) table(op, kind,
                        BuiltinOptions.DepthwiseConv2DOptions, new org.tensorflow.lite.schema.DepthwiseConv2DOptions(),
                        type, where, opIndex);
                return new DepthwiseConv2DOptions(padding(o.padding(), where, opIndex),
                        positive(o.strideW(), "stride", where, opIndex), positive(o.strideH(), "stride", where, opIndex),
                        Math.max(o.depthMultiplier(), 0), positive(o.dilationWFactor(), "dilation", where, opIndex),
                        positive(o.dilationHFactor(), "dilation", where, opIndex), act(o.fusedActivationFunction(), where, opIndex));
            }
            case FULLY_CONNECTED: {
                if (kind == BuiltinOptions.NONE) {
                    return new FullyConnectedOptions(Activation.NONE, false, false);
                }
                var o = (org.tensorflow.lite.schema.FullyConnectedOptions) table(op, kind,
                        BuiltinOptions.FullyConnectedOptions, new org.tensorflow.lite.schema.FullyConnectedOptions(),
                        type, where, opIndex);
                if (o.weightsFormat() != 0) {
                    throw new ModelException(where + ": operator " + opIndex
                            + " FULLY_CONNECTED uses shuffled weights format; re-export with the default format");
                }
                return new FullyConnectedOptions(act(o.fusedActivationFunction(), where, opIndex), o.keepNumDims(),
                        o.asymmetricQuantizeInputs());
            }
            case AVERAGE_POOL_2D:
            case MAX_POOL_2D: {
                var o = (org.tensorflow.lite.schema.Pool2DOptions) table(op, kind, BuiltinOptions.Pool2DOptions,
                        new org.tensorflow.lite.schema.Pool2DOptions(), type, where, opIndex);
                return new Pool2DOptions(padding(o.padding(), where, opIndex), positive(o.strideW(), "stride", where, opIndex),
                        positive(o.strideH(), "stride", where, opIndex), positive(o.filterWidth(), "filter size", where, opIndex),
                        positive(o.filterHeight(), "filter size", where, opIndex), act(o.fusedActivationFunction(), where, opIndex));
            }
            case ADD: {
                if (kind == BuiltinOptions.NONE) {
                    return new ActivationOptions(Activation.NONE);
                }
                var o = (AddOptions) table(op, kind, BuiltinOptions.AddOptions, new AddOptions(), type, where, opIndex);
                return new ActivationOptions(act(o.fusedActivationFunction(), where, opIndex));
            }
            case MUL: {
                if (kind == BuiltinOptions.NONE) {
                    return new ActivationOptions(Activation.NONE);
                }
                var o = (MulOptions) table(op, kind, BuiltinOptions.MulOptions, new MulOptions(), type, where, opIndex);
                return new ActivationOptions(act(o.fusedActivationFunction(), where, opIndex));
            }
            case RESHAPE: {
                if (kind != BuiltinOptions.ReshapeOptions) {
                    return new ReshapeOptions(new int[0]);
                }
                var o = (org.tensorflow.lite.schema.ReshapeOptions) op.builtinOptions(
                        new org.tensorflow.lite.schema.ReshapeOptions());
                int n = o.newShapeLength();
                if (n < 0 || n > 8) {
                    throw new ModelException(where + ": corrupt .tflite file (operator " + opIndex
                            + " RESHAPE has a new shape of rank " + n + ")");
                }
                int[] s = new int[n];
                for (int i = 0; i < n; i++) {
                    s[i] = o.newShape(i);
                }
                return new ReshapeOptions(s);
            }
            case SOFTMAX: {
                if (kind == BuiltinOptions.NONE) {
                    return new SoftmaxOptions(1.0f);
                }
                var o = (org.tensorflow.lite.schema.SoftmaxOptions) table(op, kind, BuiltinOptions.SoftmaxOptions,
                        new org.tensorflow.lite.schema.SoftmaxOptions(), type, where, opIndex);
                return new SoftmaxOptions(o.beta());
            }
            case CONCATENATION: {
                var o = (org.tensorflow.lite.schema.ConcatenationOptions) table(op, kind,
                        BuiltinOptions.ConcatenationOptions, new org.tensorflow.lite.schema.ConcatenationOptions(),
                        type, where, opIndex);
                return new ConcatenationOptions(o.axis(), act(o.fusedActivationFunction(), where, opIndex));
            }
            case MEAN: {
                if (kind == BuiltinOptions.NONE) {
                    return new ReducerOptions(false);
                }
                var o = (org.tensorflow.lite.schema.ReducerOptions) table(op, kind, BuiltinOptions.ReducerOptions,
                        new org.tensorflow.lite.schema.ReducerOptions(), type, where, opIndex);
                return new ReducerOptions(o.keepDims());
            }
            case SVDF: {
                var o = (SVDFOptions) table(op, kind, BuiltinOptions.SVDFOptions, new SVDFOptions(), type, where, opIndex);
                return new SvdfOptions(positive(o.rank(), "rank", where, opIndex), act(o.fusedActivationFunction(), where, opIndex),
                        o.asymmetricQuantizeInputs());
            }
            case UNIDIRECTIONAL_SEQUENCE_LSTM: {
                var o = (UnidirectionalSequenceLSTMOptions) table(op, kind,
                        BuiltinOptions.UnidirectionalSequenceLSTMOptions, new UnidirectionalSequenceLSTMOptions(),
                        type, where, opIndex);
                return new LstmOptions(act(o.fusedActivationFunction(), where, opIndex), o.cellClip(), o.projClip(),
                        o.timeMajor(), o.asymmetricQuantizeInputs(), o.diagonalRecurrentTensors());
            }
            default:
                return NoOptions.INSTANCE;
        }
    }

    private static com.google.flatbuffers.Table table(Operator op, byte kind, byte expected,
            com.google.flatbuffers.Table obj, OpType type, String where, int opIndex) {
        if (kind != expected) {
            throw new ModelException(where + ": corrupt .tflite file (operator " + opIndex + " " + type
                    + " has options of type " + kind + " instead of " + expected + ")");
        }
        com.google.flatbuffers.Table t = op.builtinOptions(obj);
        if (t == null) {
            throw new ModelException(where + ": corrupt .tflite file (operator " + opIndex + " " + type
                    + " has no options)");
        }
        return t;
    }

    private static int positive(int v, String what, String where, int opIndex) {
        if (v < 1 || v > 65536) {
            throw new ModelException(where + ": corrupt .tflite file (operator " + opIndex + " has " + what + " " + v + ")");
        }
        return v;
    }

    private static Padding padding(byte p, String where, int opIndex) {
        if (p == org.tensorflow.lite.schema.Padding.SAME) {
            return Padding.SAME;
        }
        if (p == org.tensorflow.lite.schema.Padding.VALID) {
            return Padding.VALID;
        }
        throw new ModelException(where + ": corrupt .tflite file (operator " + opIndex + " has padding code " + p + ")");
    }

    private static Activation act(byte a, String where, int opIndex) {
        if (a < 0 || a >= Activation.values().length) {
            throw new ModelException(where + ": corrupt .tflite file (operator " + opIndex
                    + " has activation code " + a + ")");
        }
        return Activation.values()[a];
    }
}
