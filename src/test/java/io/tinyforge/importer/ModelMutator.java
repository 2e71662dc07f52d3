package io.tinyforge.importer;

import com.google.flatbuffers.FlatBufferBuilder;
import io.tinyforge.exporter.TfliteWriter;
import io.tinyforge.fixtures.SplitMix64;
import io.tinyforge.ir.Graph;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.lite.schema.BufferT;
import org.tensorflow.lite.schema.Model;
import org.tensorflow.lite.schema.ModelT;
import org.tensorflow.lite.schema.OperatorT;
import org.tensorflow.lite.schema.QuantizationParametersT;
import org.tensorflow.lite.schema.SubGraphT;
import org.tensorflow.lite.schema.TensorT;

/**
 * Well-formed but semantically wrong variants of a model, made through the schema's object API: one field of
 * a tensor, operator, quantization or options table changed to a hostile value. Unlike byte-level mutations,
 * these pass the flatbuffer checks and reach shape, type and quantization validation in import and prepare.
 */
final class ModelMutator {
    private static final int[] DIMS = {0, 1, 2, 3, 5, 7, 64, 1000, -1, -7};
    private static final float[] SCALES = {0f, -1f, Float.NaN, Float.POSITIVE_INFINITY, 1e-30f, 1e30f, 1f,
        Float.MIN_VALUE};
    private static final long[] ZERO_POINTS = {0, -128, 127, 128, -129, 300, -70000, Long.MAX_VALUE};
    private static final long[] OPTION_VALUES = {0, -1, 1, 2, 3, 5, 7, 100, 127, -128, Integer.MAX_VALUE,
        Integer.MIN_VALUE};

    private final Graph graph;
    private final SplitMix64 r;

    ModelMutator(Graph graph, SplitMix64 r) {
        this.graph = graph;
        this.r = r;
    }

    /** A description of the change, and the changed model's bytes. */
    record Mutant(String what, byte[] bytes) {
    }

    Mutant next() {
        ModelT m = TfliteWriter.toModel(graph);
        SubGraphT sg = m.getSubgraphs()[0];
        TensorT[] tensors = sg.getTensors();
        OperatorT[] ops = sg.getOperators();
        String what;
        switch (below(9)) {
            case 0: {
                TensorT t = tensors[below(tensors.length)];
                int[] shape = t.getShape();
                if (shape.length == 0) {
                    t.setShape(new int[] {pick(DIMS)});
                    what = "tensor '" + t.getName() + "' shape [] -> " + Arrays.toString(t.getShape());
                } else {
                    int d = below(shape.length);
                    shape[d] = pick(DIMS);
                    t.setShape(shape);
                    what = "tensor '" + t.getName() + "' dim " + d + " = " + shape[d];
                }
                break;
            }
            case 1: {
                TensorT t = tensors[below(tensors.length)];
                int[] shape = t.getShape();
                int[] s2 = below(2) == 0 && shape.length > 0 ? Arrays.copyOf(shape, shape.length - 1)
                        : Arrays.copyOf(shape, shape.length + 1);
                if (s2.length > shape.length) {
                    s2[s2.length - 1] = 1;
                }
                t.setShape(s2);
                what = "tensor '" + t.getName() + "' rank " + shape.length + " -> " + s2.length;
                break;
            }
            case 2: {
                TensorT t = tensors[below(tensors.length)];
                byte type = (byte) below(18);
                what = "tensor '" + t.getName() + "' type " + t.getType() + " -> " + type;
                t.setType(type);
                break;
            }
            case 3: {
                TensorT t = tensors[below(tensors.length)];
                QuantizationParametersT q = t.getQuantization() == null ? new QuantizationParametersT()
                        : t.getQuantization();
                int n = q.getScale() == null || q.getScale().length == 0 ? 1 : q.getScale().length;
                float[] s = q.getScale() == null || q.getScale().length == 0 ? new float[] {0.1f} : q.getScale();
                long[] z = q.getZeroPoint() == null || q.getZeroPoint().length != n ? new long[n] : q.getZeroPoint();
                int k = below(3);
                if (k == 0) {
                    s[below(n)] = SCALES[below(SCALES.length)];
                    what = "tensor '" + t.getName() + "' scale -> " + Arrays.toString(s);
                } else if (k == 1) {
                    z[below(n)] = ZERO_POINTS[below(ZERO_POINTS.length)];
                    what = "tensor '" + t.getName() + "' zero point -> " + Arrays.toString(z);
                } else {
                    q.setQuantizedDimension(pick(DIMS));
                    what = "tensor '" + t.getName() + "' quantized dimension -> " + q.getQuantizedDimension();
                }
                q.setScale(s);
                q.setZeroPoint(z);
                t.setQuantization(q);
                break;
            }
            case 4: {
                TensorT t = tensors[below(tensors.length)];
                what = "tensor '" + t.getName() + "' quantization removed";
                t.setQuantization(null);
                break;
            }
            case 5: {
                OperatorT op = ops[below(ops.length)];
                int[] in = op.getInputs();
                if (in.length == 0) {
                    what = "nothing (operator without inputs)";
                    break;
                }
                int j = below(in.length);
                in[j] = below(4) == 0 ? -1 : below(tensors.length);
                op.setInputs(in);
                what = "operator input " + j + " -> tensor " + in[j];
                break;
            }
            case 6: {
                OperatorT op = ops[below(ops.length)];
                int[] in = op.getInputs();
                int[] in2 = below(2) == 0 && in.length > 0 ? Arrays.copyOf(in, in.length - 1)
                        : Arrays.copyOf(in, in.length + 1);
                if (in2.length > in.length) {
                    in2[in.length] = below(tensors.length);
                }
                op.setInputs(in2);
                what = "operator input count " + in.length + " -> " + in2.length;
                break;
            }
            case 7: {
                OperatorT op = ops[below(ops.length)];
                what = "operator options: " + mutateOptions(op);
                break;
            }
            default: {
                List<Integer> constants = new ArrayList<>();
                for (TensorT t : tensors) {
                    if (t.getBuffer() != 0) {
                        constants.add((int) t.getBuffer());
                    }
                }
                if (constants.isEmpty()) {
                    what = "nothing (no constants)";
                    break;
                }
                BufferT b = m.getBuffers()[constants.get(below(constants.size()))];
                int[] data = b.getData();
                for (int i = 0; i < data.length; i++) {
                    data[i] = (int) (r.next() & 0xff);
                }
                b.setData(data);
                what = "constant buffer randomized (" + data.length + " bytes)";
                break;
            }
        }
        FlatBufferBuilder fbb = new FlatBufferBuilder(1024);
        fbb.finish(Model.pack(fbb, m), TfliteWriter.FILE_IDENTIFIER);
        return new Mutant(what, fbb.sizedByteArray());
    }

    /** Sets one numeric or boolean field of the operator's options table to a hostile value. */
    private String mutateOptions(OperatorT op) {
        if (op.getBuiltinOptions() == null || op.getBuiltinOptions().getValue() == null) {
            return "none to change";
        }
        Object o = op.getBuiltinOptions().getValue();
        List<Method> setters = new ArrayList<>();
        for (Method mth : o.getClass().getMethods()) {
            if (mth.getName().startsWith("set") && mth.getParameterCount() == 1
                    && mth.getParameterTypes()[0].isPrimitive()) {
                setters.add(mth);
            }
        }
        if (setters.isEmpty()) {
            return "none to change";
        }
        setters.sort((a, b) -> a.getName().compareTo(b.getName()));
        Method s = setters.get(below(setters.size()));
        long v = OPTION_VALUES[below(OPTION_VALUES.length)];
        Class<?> p = s.getParameterTypes()[0];
        Object arg;
        if (p == int.class) {
            arg = (int) v;
        } else if (p == byte.class) {
            arg = (byte) v;
        } else if (p == long.class) {
            arg = v;
        } else if (p == boolean.class) {
            arg = (v & 1) != 0;
        } else if (p == float.class) {
            arg = (float) v;
        } else {
            return "none to change";
        }
        try {
            s.invoke(o, arg);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return o.getClass().getSimpleName() + "." + s.getName() + "(" + arg + ")";
    }

    private int below(int n) {
        return n <= 0 ? 0 : (int) Long.remainderUnsigned(r.next(), n);
    }

    private int pick(int[] xs) {
        return xs[below(xs.length)];
    }
}
