package io.tinyforge.testing;

import com.google.flatbuffers.FlatBufferBuilder;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.ReshapeOptions;
import io.tinyforge.ir.Tensor;
import io.tinyforge.ir.DType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.lite.schema.BufferT;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.BuiltinOptions;
import org.tensorflow.lite.schema.BuiltinOptionsUnion;
import org.tensorflow.lite.schema.Model;
import org.tensorflow.lite.schema.ModelT;
import org.tensorflow.lite.schema.OperatorCodeT;
import org.tensorflow.lite.schema.OperatorT;
import org.tensorflow.lite.schema.QuantizationParametersT;
import org.tensorflow.lite.schema.ReshapeOptionsT;
import org.tensorflow.lite.schema.SubGraphT;
import org.tensorflow.lite.schema.TensorT;
import org.tensorflow.lite.schema.TensorType;

/**
 * Test helper: writes a small IR graph as a .tflite flatbuffer so CLI commands can be run on it. Supports the
 * option kinds the fixtures use (RESHAPE options; operators without options).
 */
public final class TfliteWriter {

    private TfliteWriter() {
    }

    public static Path write(Graph g, Path file) throws IOException {
        ModelT m = new ModelT();
        m.setVersion(3);
        List<BufferT> buffers = new ArrayList<>();
        buffers.add(new BufferT()); // buffer 0: empty, by convention
        TensorT[] tensors = new TensorT[g.tensors().size()];
        for (Tensor t : g.tensors()) {
            TensorT tt = new TensorT();
            tt.setName(t.name());
            tt.setShape(t.shape().dims());
            tt.setType(type(t.dtype()));
            tt.setIsVariable(t.variable());
            if (t.isConstant()) {
                BufferT b = new BufferT();
                int[] data = new int[t.data().length];
                for (int i = 0; i < data.length; i++) {
                    data[i] = t.data()[i] & 0xff;
                }
                b.setData(data);
                tt.setBuffer(buffers.size());
                buffers.add(b);
            } else {
                tt.setBuffer(0);
            }
            if (t.hasQuant()) {
                QuantizationParametersT q = new QuantizationParametersT();
                q.setScale(t.quant().scales());
                q.setZeroPoint(t.quant().zeroPoints());
                q.setQuantizedDimension(t.quant().axis());
                tt.setQuantization(q);
            }
            tensors[t.index()] = tt;
        }
        Map<Integer, Integer> codeIndex = new LinkedHashMap<>();
        List<OperatorCodeT> codes = new ArrayList<>();
        OperatorT[] ops = new OperatorT[g.operators().size()];
        for (Operator op : g.operators()) {
            int builtin = builtin(op.type().name());
            Integer idx = codeIndex.get(builtin);
            if (idx == null) {
                idx = codes.size();
                codeIndex.put(builtin, idx);
                OperatorCodeT c = new OperatorCodeT();
                c.setBuiltinCode(builtin);
                c.setDeprecatedBuiltinCode((byte) Math.min(builtin, 127));
                c.setVersion(1);
                codes.add(c);
            }
            OperatorT o = new OperatorT();
            o.setOpcodeIndex(idx);
            o.setInputs(op.inputs());
            o.setOutputs(op.outputs());
            if (op.options() instanceof ReshapeOptions r) {
                ReshapeOptionsT rt = new ReshapeOptionsT();
                rt.setNewShape(r.newShape());
                BuiltinOptionsUnion u = new BuiltinOptionsUnion();
                u.setType(BuiltinOptions.ReshapeOptions);
                u.setValue(rt);
                o.setBuiltinOptions(u);
            }
            ops[op.index()] = o;
        }
        SubGraphT sg = new SubGraphT();
        sg.setTensors(tensors);
        sg.setInputs(g.inputs());
        sg.setOutputs(g.outputs());
        sg.setOperators(ops);
        sg.setName("main");
        m.setSubgraphs(new SubGraphT[] {sg});
        m.setOperatorCodes(codes.toArray(new OperatorCodeT[0]));
        m.setBuffers(buffers.toArray(new BufferT[0]));
        m.setDescription("tinyforge test fixture");
        FlatBufferBuilder fb = new FlatBufferBuilder(1024);
        Model.finishModelBuffer(fb, Model.pack(fb, m));
        Files.write(file, fb.sizedByteArray());
        return file;
    }

    private static int builtin(String name) {
        for (int i = 0; i < BuiltinOperator.names.length; i++) {
            if (name.equals(BuiltinOperator.names[i])) {
                return i;
            }
        }
        throw new IllegalArgumentException("no builtin operator " + name);
    }

    private static byte type(DType d) {
        return switch (d) {
            case FLOAT32 -> TensorType.FLOAT32;
            case FLOAT16 -> TensorType.FLOAT16;
            case INT32 -> TensorType.INT32;
            case UINT8 -> TensorType.UINT8;
            case INT64 -> TensorType.INT64;
            case INT16 -> TensorType.INT16;
            case INT8 -> TensorType.INT8;
            case BOOL -> TensorType.BOOL;
        };
    }
}
