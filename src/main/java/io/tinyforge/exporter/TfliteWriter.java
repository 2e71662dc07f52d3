package io.tinyforge.exporter;

import com.google.flatbuffers.FlatBufferBuilder;
import io.tinyforge.ir.ActivationOptions;
import io.tinyforge.ir.ConcatenationOptions;
import io.tinyforge.ir.Conv2DOptions;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.DepthwiseConv2DOptions;
import io.tinyforge.ir.FullyConnectedOptions;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.LstmOptions;
import io.tinyforge.ir.NoOptions;
import io.tinyforge.ir.OpOptions;
import io.tinyforge.ir.OpType;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.Padding;
import io.tinyforge.ir.Pool2DOptions;
import io.tinyforge.ir.QuantParams;
import io.tinyforge.ir.ReducerOptions;
import io.tinyforge.ir.ReshapeOptions;
import io.tinyforge.ir.SoftmaxOptions;
import io.tinyforge.ir.SvdfOptions;
import io.tinyforge.ir.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.lite.schema.AddOptionsT;
import org.tensorflow.lite.schema.BufferT;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.BuiltinOptions;
import org.tensorflow.lite.schema.BuiltinOptionsUnion;
import org.tensorflow.lite.schema.ConcatenationOptionsT;
import org.tensorflow.lite.schema.Conv2DOptionsT;
import org.tensorflow.lite.schema.DepthwiseConv2DOptionsT;
import org.tensorflow.lite.schema.DequantizeOptionsT;
import org.tensorflow.lite.schema.FullyConnectedOptionsT;
import org.tensorflow.lite.schema.MetadataT;
import org.tensorflow.lite.schema.Model;
import org.tensorflow.lite.schema.ModelT;
import org.tensorflow.lite.schema.MulOptionsT;
import org.tensorflow.lite.schema.OperatorCodeT;
import org.tensorflow.lite.schema.OperatorT;
import org.tensorflow.lite.schema.PadOptionsT;
import org.tensorflow.lite.schema.Pool2DOptionsT;
import org.tensorflow.lite.schema.QuantizationParametersT;
import org.tensorflow.lite.schema.QuantizeOptionsT;
import org.tensorflow.lite.schema.ReducerOptionsT;
import org.tensorflow.lite.schema.ReshapeOptionsT;
import org.tensorflow.lite.schema.SVDFOptionsT;
import org.tensorflow.lite.schema.SoftmaxOptionsT;
import org.tensorflow.lite.schema.SubGraphT;
import org.tensorflow.lite.schema.TensorT;
import org.tensorflow.lite.schema.TensorType;
import org.tensorflow.lite.schema.UnidirectionalSequenceLSTMOptionsT;

/**
 * Serializes a {@link Graph} as a TensorFlow Lite flatbuffer (schema version 3, file identifier "TFL3") through
 * the schema's object API. The output is deterministic: the same graph always gives the same bytes.
 *
 * <p>Layout choices: buffer 0 is the empty sentinel and every activation points at it; every constant tensor
 * gets its own buffer in tensor order; operator codes are listed in order of first use. A constant tensor
 * whose data is empty is written as an activation (the importer cannot tell the two apart). The graph's metadata
 * entries follow, each with its own buffer after the tensors' buffers.
 */
public final class TfliteWriter {

    /** The schema version TFLite and TFLM accept. */
    public static final int SCHEMA_VERSION = 3;
    /** The flatbuffer file identifier of .tflite files. */
    public static final String FILE_IDENTIFIER = "TFL3";

    /** Operator versions as the TFLite converter writes them for int8 models (1 when not listed). */
    private static final Map<OpType, Integer> INT8_VERSIONS = new EnumMap<>(OpType.class);

    static {
        INT8_VERSIONS.put(OpType.ADD, 2);
        INT8_VERSIONS.put(OpType.AVERAGE_POOL_2D, 2);
        INT8_VERSIONS.put(OpType.CONCATENATION, 2);
        INT8_VERSIONS.put(OpType.CONV_2D, 3);
        INT8_VERSIONS.put(OpType.DEPTHWISE_CONV_2D, 3);
        INT8_VERSIONS.put(OpType.DEQUANTIZE, 2);
        INT8_VERSIONS.put(OpType.FULLY_CONNECTED, 4);
        INT8_VERSIONS.put(OpType.LOGISTIC, 2);
        INT8_VERSIONS.put(OpType.MAX_POOL_2D, 2);
        INT8_VERSIONS.put(OpType.MEAN, 2);
        INT8_VERSIONS.put(OpType.MUL, 2);
        INT8_VERSIONS.put(OpType.PAD, 2);
        INT8_VERSIONS.put(OpType.QUANTIZE, 2);
        INT8_VERSIONS.put(OpType.RELU, 2);
        INT8_VERSIONS.put(OpType.RELU6, 2);
        INT8_VERSIONS.put(OpType.SOFTMAX, 2);
        INT8_VERSIONS.put(OpType.SVDF, 3);
        INT8_VERSIONS.put(OpType.TANH, 2);
    }

    private TfliteWriter() {
    }

    /** The .tflite bytes of {@code g}. */
    public static byte[] write(Graph g) {
        ModelT model = toModel(g);
        FlatBufferBuilder fbb = new FlatBufferBuilder(initialCapacity(g));
        int root = Model.pack(fbb, model);
        fbb.finish(root, FILE_IDENTIFIER);
        return fbb.sizedByteArray();
    }

    /** The object-API form of {@code g} (useful to tweak a model in tests before packing it). */
    public static ModelT toModel(Graph g) {
        List<BufferT> buffers = new ArrayList<>();
        buffers.add(new BufferT());
        TensorT[] tensors = new TensorT[g.tensors().size()];
        for (Tensor t : g.tensors()) {
            long buffer = 0;
            if (t.isConstant() && t.data().length > 0) {
                buffer = buffers.size();
                buffers.add(buffer(t.data()));
            }
            tensors[t.index()] = tensor(t, buffer);
        }

        List<OpType> codeOrder = new ArrayList<>();
        OperatorT[] ops = new OperatorT[g.operators().size()];
        for (int i = 0; i < ops.length; i++) {
            Operator op = g.operators().get(i);
            int code = codeOrder.indexOf(op.type());
            if (code < 0) {
                code = codeOrder.size();
                codeOrder.add(op.type());
            }
            ops[i] = operator(op, code);
        }
        OperatorCodeT[] codes = new OperatorCodeT[codeOrder.size()];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = operatorCode(codeOrder.get(i));
        }

        SubGraphT sg = new SubGraphT();
        sg.setName("main");
        sg.setTensors(tensors);
        sg.setOperators(ops);
        sg.setInputs(g.inputs());
        sg.setOutputs(g.outputs());

        List<MetadataT> metadata = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : g.metadata().entrySet()) {
            MetadataT m = new MetadataT();
            m.setName(e.getKey());
            m.setBuffer(buffers.size());
            buffers.add(buffer(e.getValue()));
            metadata.add(m);
        }

        ModelT model = new ModelT();
        model.setVersion(SCHEMA_VERSION);
        model.setDescription("tinyforge");
        model.setOperatorCodes(codes);
        model.setSubgraphs(new SubGraphT[] {sg});
        model.setBuffers(buffers.toArray(new BufferT[0]));
        if (!metadata.isEmpty()) {
            model.setMetadata(metadata.toArray(new MetadataT[0]));
        }
        return model;
    }

    private static int initialCapacity(Graph g) {
        long n = 1024 + g.constantBytes() * 5 / 4 + 256L * g.tensors().size() + 128L * g.operators().size();
        return (int) Math.min(n, Integer.MAX_VALUE - 64);
    }

    private static BufferT buffer(byte[] data) {
        int[] d = new int[data.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = data[i] & 0xff;
        }
        BufferT b = new BufferT();
        b.setData(d);
        return b;
    }

    private static TensorT tensor(Tensor t, long buffer) {
        TensorT r = new TensorT();
        r.setName(t.name());
        r.setShape(t.shape().dims());
        r.setType(tensorType(t.dtype()));
        r.setBuffer(buffer);
        r.setIsVariable(t.variable());
        r.setQuantization(quantization(t.quant()));
        return r;
    }

    private static QuantizationParametersT quantization(QuantParams q) {
        if (q == null) {
            return null;
        }
        QuantizationParametersT r = new QuantizationParametersT();
        r.setScale(q.scales());
        r.setZeroPoint(q.zeroPoints());
        r.setQuantizedDimension(q.axis());
        return r;
    }

    static byte tensorType(DType d) {
        switch (d) {
            case FLOAT32: return TensorType.FLOAT32;
            case FLOAT16: return TensorType.FLOAT16;
            case INT32: return TensorType.INT32;
            case UINT8: return TensorType.UINT8;
            case INT64: return TensorType.INT64;
            case INT16: return TensorType.INT16;
            case INT8: return TensorType.INT8;
            case BOOL: return TensorType.BOOL;
            default: throw new IllegalArgumentException("no TFLite type for " + d);
        }
    }

    static int builtinCode(OpType type) {
        int code = Arrays.asList(BuiltinOperator.names).indexOf(type.name());
        if (code < 0) {
            throw new IllegalStateException("OpType " + type + " has no TFLite builtin operator of that name");
        }
        return code;
    }

    private static OperatorCodeT operatorCode(OpType type) {
        int code = builtinCode(type);
        OperatorCodeT r = new OperatorCodeT();
        r.setBuiltinCode(code);
        // codes above 127 do not fit the deprecated int8 field: TFLite writes 127 (PLACEHOLDER_FOR_GREATER_OP_CODES)
        r.setDeprecatedBuiltinCode((byte) Math.min(code, 127));
        r.setVersion(INT8_VERSIONS.getOrDefault(type, 1));
        return r;
    }

    private static OperatorT operator(Operator op, int code) {
        OperatorT r = new OperatorT();
        r.setOpcodeIndex(code);
        r.setInputs(op.inputs());
        r.setOutputs(op.outputs());
        if (op.intermediates().length > 0) {
            r.setIntermediates(op.intermediates());
        }
        r.setBuiltinOptions(options(op.type(), op.options()));
        return r;
    }

    private static BuiltinOptionsUnion union(byte type, Object value) {
        BuiltinOptionsUnion u = new BuiltinOptionsUnion();
        u.setType(type);
        u.setValue(value);
        return u;
    }

    private static byte padding(Padding p) {
        return p == Padding.SAME ? org.tensorflow.lite.schema.Padding.SAME : org.tensorflow.lite.schema.Padding.VALID;
    }

    private static byte act(io.tinyforge.ir.Activation a) {
        // ir.Activation is declared in the order of TFLite's ActivationFunctionType
        return (byte) a.ordinal();
    }

    /** The builtin options table of one operator; null (no options) where TFLite writes none. */
    static BuiltinOptionsUnion options(OpType type, OpOptions o) {
        switch (type) {
            case CONV_2D: {
                Conv2DOptions c = (Conv2DOptions) o;
                Conv2DOptionsT t = new Conv2DOptionsT();
                t.setPadding(padding(c.padding()));
                t.setStrideW(c.strideW());
                t.setStrideH(c.strideH());
                t.setDilationWFactor(c.dilationW());
                t.setDilationHFactor(c.dilationH());
                t.setFusedActivationFunction(act(c.activation()));
                return union(BuiltinOptions.Conv2DOptions, t);
            }
            case DEPTHWISE_CONV_2D: {
                DepthwiseConv2DOptions c = (DepthwiseConv2DOptions) o;
                DepthwiseConv2DOptionsT t = new DepthwiseConv2DOptionsT();
                t.setPadding(padding(c.padding()));
                t.setStrideW(c.strideW());
                t.setStrideH(c.strideH());
                t.setDepthMultiplier(c.depthMultiplier());
                t.setDilationWFactor(c.dilationW());
                t.setDilationHFactor(c.dilationH());
                t.setFusedActivationFunction(act(c.activation()));
                return union(BuiltinOptions.DepthwiseConv2DOptions, t);
            }
            case FULLY_CONNECTED: {
                FullyConnectedOptions c = (FullyConnectedOptions) o;
                FullyConnectedOptionsT t = new FullyConnectedOptionsT();
                t.setFusedActivationFunction(act(c.activation()));
                t.setKeepNumDims(c.keepNumDims());
                t.setAsymmetricQuantizeInputs(c.asymmetricQuantizeInputs());
                return union(BuiltinOptions.FullyConnectedOptions, t);
            }
            case AVERAGE_POOL_2D:
            case MAX_POOL_2D: {
                Pool2DOptions c = (Pool2DOptions) o;
                Pool2DOptionsT t = new Pool2DOptionsT();
                t.setPadding(padding(c.padding()));
                t.setStrideW(c.strideW());
                t.setStrideH(c.strideH());
                t.setFilterWidth(c.filterW());
                t.setFilterHeight(c.filterH());
                t.setFusedActivationFunction(act(c.activation()));
                return union(BuiltinOptions.Pool2DOptions, t);
            }
            case ADD: {
                AddOptionsT t = new AddOptionsT();
                t.setFusedActivationFunction(act(((ActivationOptions) o).activation()));
                return union(BuiltinOptions.AddOptions, t);
            }
            case MUL: {
                MulOptionsT t = new MulOptionsT();
                t.setFusedActivationFunction(act(((ActivationOptions) o).activation()));
                return union(BuiltinOptions.MulOptions, t);
            }
            case RESHAPE: {
                int[] shape = o instanceof ReshapeOptions r ? r.newShape() : new int[0];
                if (shape.length == 0) {
                    return null;
                }
                ReshapeOptionsT t = new ReshapeOptionsT();
                t.setNewShape(shape);
                return union(BuiltinOptions.ReshapeOptions, t);
            }
            case SOFTMAX: {
                SoftmaxOptionsT t = new SoftmaxOptionsT();
                t.setBeta(((SoftmaxOptions) o).beta());
                return union(BuiltinOptions.SoftmaxOptions, t);
            }
            case CONCATENATION: {
                ConcatenationOptions c = (ConcatenationOptions) o;
                ConcatenationOptionsT t = new ConcatenationOptionsT();
                t.setAxis(c.axis());
                t.setFusedActivationFunction(act(c.activation()));
                return union(BuiltinOptions.ConcatenationOptions, t);
            }
            case MEAN: {
                ReducerOptionsT t = new ReducerOptionsT();
                t.setKeepDims(o instanceof ReducerOptions r && r.keepDims());
                return union(BuiltinOptions.ReducerOptions, t);
            }
            case SVDF: {
                SvdfOptions c = (SvdfOptions) o;
                SVDFOptionsT t = new SVDFOptionsT();
                t.setRank(c.rank());
                t.setFusedActivationFunction(act(c.activation()));
                t.setAsymmetricQuantizeInputs(c.asymmetricQuantizeInputs());
                return union(BuiltinOptions.SVDFOptions, t);
            }
            case UNIDIRECTIONAL_SEQUENCE_LSTM: {
                LstmOptions c = (LstmOptions) o;
                UnidirectionalSequenceLSTMOptionsT t = new UnidirectionalSequenceLSTMOptionsT();
                t.setFusedActivationFunction(act(c.activation()));
                t.setCellClip(c.cellClip());
                t.setProjClip(c.projClip());
                t.setTimeMajor(c.timeMajor());
                t.setAsymmetricQuantizeInputs(c.asymmetricQuantizeInputs());
                t.setDiagonalRecurrentTensors(c.diagonalRecurrentTensors());
                return union(BuiltinOptions.UnidirectionalSequenceLSTMOptions, t);
            }
            case PAD:
                return union(BuiltinOptions.PadOptions, new PadOptionsT());
            case QUANTIZE:
                return union(BuiltinOptions.QuantizeOptions, new QuantizeOptionsT());
            case DEQUANTIZE:
                return union(BuiltinOptions.DequantizeOptions, new DequantizeOptionsT());
            case LOGISTIC:
            case RELU:
            case RELU6:
            case TANH:
                return null;
            default:
                if (o instanceof NoOptions) {
                    return null;
                }
                throw new IllegalArgumentException("no TFLite options for " + type + " " + o);
        }
    }
}
