package io.tinyforge.importer;

import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.ModelException;
import io.tinyforge.ir.OpType;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.QuantParams;
import io.tinyforge.ir.Shape;
import io.tinyforge.ir.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.lite.schema.Buffer;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.Model;
import org.tensorflow.lite.schema.OperatorCode;
import org.tensorflow.lite.schema.QuantizationParameters;
import org.tensorflow.lite.schema.SubGraph;
import org.tensorflow.lite.schema.TensorType;

/**
 * Reads a TensorFlow Lite flatbuffer into an immutable {@link Graph}. Every offset, length and size the
 * file declares is checked before use, so a corrupt file fails with one {@link ModelException} line.
 */
public final class TfliteImporter {

    /** Largest tensor tinyforge accepts (bytes); bigger means a corrupt file or a model no MCU can run. */
    static final long MAX_TENSOR_BYTES = 1L << 30;
    private static final int MAX_RANK = 8;

    private TfliteImporter() {
    }

    /** Reads and imports a .tflite file. */
    public static Graph load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ModelException("model file not found: " + file + " (check the path)");
        } catch (IOException | OutOfMemoryError e) {
            throw new ModelException("cannot read model file " + file + ": " + e.getMessage());
        }
        String name = file.getFileName().toString().replaceFirst("\\.tflite$", "");
        return parse(bytes, name, printable(file.toString(), 512));
    }

    /** Imports a .tflite model held in memory; {@code where} names it in error messages. */
    public static Graph parse(byte[] bytes, String name, String where) {
        if (bytes.length < 8) {
            throw new ModelException(where + ": file is too small to be a .tflite model (" + bytes.length
                    + " bytes); pass a TensorFlow Lite flatbuffer");
        }
        ByteBuffer bb = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (!Model.ModelBufferHasIdentifier(bb)) {
            throw new ModelException(where + ": not a TensorFlow Lite model (missing 'TFL3' identifier); "
                    + "pass a .tflite flatbuffer");
        }
        Reader reader = new Reader(bytes, bb, name, where);
        try {
            return reader.read();
        } catch (ModelException e) {
            throw oneLine(e);
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            throw new ModelException(where + ": corrupt .tflite file (" + describe(e) + " while reading "
                    + reader.at + "); re-export the model or check that the file was copied whole");
        }
    }

    /** {@code s} with control characters (line breaks included) shown as '?', cut to {@code max} chars. */
    static String printable(String s, int max) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(Math.min(s.length(), max + 3));
        for (int i = 0; i < s.length() && i < max; i++) {
            char c = s.charAt(i);
            sb.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? '?' : c);
        }
        if (s.length() > max) {
            sb.append("...");
        }
        return sb.toString();
    }

    /** The same error with any line break in its message replaced, so it prints as one line. */
    private static ModelException oneLine(ModelException e) {
        String m = e.getMessage();
        if (m != null && m.chars().noneMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029)) {
            return e;
        }
        return new ModelException(printable(m, 2000));
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + printable(m, 200));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One import: holds the file and checks every table it touches. */
    private static final class Reader {
        private final byte[] bytes;
        private final ByteBuffer bb;
        private final String name;
        private final String where;
        /** What is being read, for the message when the flatbuffer library itself trips on a bad offset. */
        String at = "the model table";

        Reader(byte[] bytes, ByteBuffer bb, String name, String where) {
            this.bytes = bytes;
            this.bb = bb;
            this.name = name;
            this.where = where;
        }

        private ModelException bad(String what) {
            return new ModelException(where + ": " + what);
        }

        /** A vector of n elements of elemSize bytes cannot be longer than the file. */
        private int checkLength(int n, int elemSize, String what) {
            if (n < 0 || (long) n * elemSize > bytes.length) {
                throw bad("corrupt .tflite file (" + what + " declares " + n
                        + " entries, more than the file holds); re-export the model");
            }
            return n;
        }

        Graph read() {
            int root = bb.getInt(0);
            if (root < 8 || root > bytes.length - 4) {
                throw bad("corrupt .tflite file (root table offset " + root + " is outside the file)");
            }
            Model model = Model.getRootAsModel(bb);
            int nSub = checkLength(model.subgraphsLength(), 4, "subgraph list");
            if (nSub == 0) {
                throw bad("model has no subgraph; re-export it");
            }
            if (nSub > 1) {
                throw bad("model has " + nSub + " subgraphs; tinyforge supports single-subgraph models "
                        + "(no control flow ops such as WHILE/IF)");
            }
            at = "subgraph 0";
            SubGraph sg = model.subgraphs(0);
            if (sg == null) {
                throw bad("corrupt .tflite file (subgraph 0 is missing)");
            }
            at = "the buffer list";
            int nBuffers = checkLength(model.buffersLength(), 4, "buffer list");
            int nCodes = checkLength(model.operatorCodesLength(), 4, "operator code list");
            List<OpType> codes = new ArrayList<>(nCodes);
            List<String> codeNames = new ArrayList<>(nCodes);
            for (int i = 0; i < nCodes; i++) {
                at = "operator code " + i;
                OperatorCode oc = model.operatorCodes(i);
                int code = Math.max(oc.deprecatedBuiltinCode(), oc.builtinCode());
                String opName = code >= 0 && code < BuiltinOperator.names.length ? BuiltinOperator.name(code)
                        : "builtin code " + code;
                if ("CUSTOM".equals(opName)) {
                    opName = "CUSTOM '" + printable(oc.customCode(), 64) + "'";
                }
                codeNames.add(opName);
                OpType type = null;
                for (OpType t : OpType.values()) {
                    if (t.name().equals(opName)) {
                        type = t;
                    }
                }
                codes.add(type);
            }

            int nTensors = checkLength(sg.tensorsLength(), 4, "tensor list");
            List<Tensor> tensors = new ArrayList<>(nTensors);
            for (int i = 0; i < nTensors; i++) {
                at = "tensor " + i;
                tensors.add(readTensor(model, sg.tensors(i), i, nBuffers));
            }

            int nOps = checkLength(sg.operatorsLength(), 4, "operator list");
            List<Operator> ops = new ArrayList<>(nOps);
            for (int i = 0; i < nOps; i++) {
                at = "operator " + i;
                org.tensorflow.lite.schema.Operator op = sg.operators(i);
                long opcodeIndex = op.opcodeIndex();
                if (opcodeIndex < 0 || opcodeIndex >= nCodes) {
                    throw bad("corrupt .tflite file (operator " + i + " uses opcode index " + opcodeIndex
                            + " of " + nCodes + ")");
                }
                OpType type = codes.get((int) opcodeIndex);
                if (type == null) {
                    throw new ModelException(where + ": unsupported operator " + codeNames.get((int) opcodeIndex)
                            + " (operator " + i + "); supported: " + supportedList()
                            + " — replace it in the source model before converting");
                }
                int[] in = indices(op.inputsLength(), op::inputs, nTensors, "operator " + i + " input", true);
                int[] out = indices(op.outputsLength(), op::outputs, nTensors, "operator " + i + " output", false);
                int[] inter = indices(op.intermediatesLength(), op::intermediates, nTensors,
                        "operator " + i + " intermediate", true);
                String arity = OpArity.check(type, in, out);
                if (arity != null) {
                    throw bad("corrupt .tflite file (operator " + i + " " + type + " " + arity + ")");
                }
                ops.add(new Operator(i, type, in, out, OptionsReader.read(type, op, where, i), inter));
            }
            at = "the subgraph inputs and outputs";
            int[] inputs = indices(sg.inputsLength(), sg::inputs, nTensors, "subgraph input", false);
            int[] outputs = indices(sg.outputsLength(), sg::outputs, nTensors, "subgraph output", false);
            if (inputs.length == 0 || outputs.length == 0) {
                throw bad("model declares no " + (inputs.length == 0 ? "inputs" : "outputs") + "; re-export it");
            }
            for (int idx : inputs) {
                if (tensors.get(idx).isConstant()) {
                    throw bad("subgraph input tensor " + idx + " is a constant; re-export the model");
                }
            }
            checkDataflow(tensors, ops);
            checkNonEmpty(tensors, ops, inputs, outputs);
            at = "the model metadata";
            return new Graph(name, tensors, ops, inputs, outputs, sha256(bytes), metadata(model, nBuffers));
        }

        /**
         * The model's named metadata buffers, in file order. Entries that name no valid buffer, or repeat an
         * earlier name, are skipped: metadata never stops a model from loading.
         */
        private Map<String, byte[]> metadata(Model model, int nBuffers) {
            Map<String, byte[]> r = new LinkedHashMap<>();
            int n = checkLength(model.metadataLength(), 4, "metadata list");
            for (int i = 0; i < n; i++) {
                org.tensorflow.lite.schema.Metadata m = model.metadata(i);
                if (m == null || m.name() == null || r.containsKey(m.name())) {
                    continue;
                }
                long bufIdx = m.buffer();
                if (bufIdx <= 0 || bufIdx >= nBuffers) {
                    continue;
                }
                Buffer b = model.buffers((int) bufIdx);
                int len = b == null ? 0 : checkLength(b.dataLength(), 1, "buffer " + bufIdx);
                ByteBuffer src = len > 0 ? b.dataAsByteBuffer() : null;
                byte[] data = new byte[src == null ? 0 : Math.min(len, src.remaining())];
                if (src != null) {
                    src.get(data);
                }
                r.put(m.name(), data);
            }
            return r;
        }

        /**
         * Each tensor is written by at most one operator, never a constant, and operators are in execution
         * order (none reads a tensor that a later operator writes), as in every converter output; the
         * interpreter, memory planner and code generator rely on it.
         */
        private void checkDataflow(List<Tensor> tensors, List<Operator> ops) {
            int[] writer = new int[tensors.size()];
            java.util.Arrays.fill(writer, -1);
            for (Operator op : ops) {
                for (int out : op.outputs()) {
                    if (tensors.get(out).isConstant()) {
                        throw bad("corrupt .tflite file (operator " + op.index() + " " + op.type()
                                + " writes constant tensor " + out + ")");
                    }
                    if (writer[out] >= 0) {
                        throw bad("corrupt .tflite file (tensor " + out + " is written by operators " + writer[out]
                                + " and " + op.index() + ")");
                    }
                    writer[out] = op.index();
                }
            }
            for (Operator op : ops) {
                for (int in : op.inputs()) {
                    if (in >= 0 && writer[in] >= op.index()) {
                        throw bad("corrupt .tflite file (operator " + op.index() + " " + op.type() + " reads tensor "
                                + in + " before operator " + writer[in] + " writes it; operators must be in "
                                + "execution order)");
                    }
                }
            }
        }

        /**
         * Tensors that operators read or write, and the subgraph's inputs and outputs, have no zero dimension
         * (empty tensors occur only as LSTM intermediates, which carry nothing but quantization).
         */
        private void checkNonEmpty(List<Tensor> tensors, List<Operator> ops, int[] inputs, int[] outputs) {
            boolean[] used = new boolean[tensors.size()];
            for (Operator op : ops) {
                for (int i : op.inputs()) {
                    if (i >= 0) {
                        used[i] = true;
                    }
                }
                for (int o : op.outputs()) {
                    used[o] = true;
                }
            }
            for (int i : inputs) {
                used[i] = true;
            }
            for (int o : outputs) {
                used[o] = true;
            }
            for (Tensor t : tensors) {
                if (used[t.index()] && t.shape().elements() == 0) {
                    throw bad("tensor " + t.index() + " '" + printable(t.name(), 64) + "' " + t.shape()
                            + " is empty (a zero dimension); tinyforge needs fixed, non-empty shapes");
                }
            }
        }

        private String supportedList() {
            StringBuilder sb = new StringBuilder();
            for (OpType t : OpType.values()) {
                sb.append(sb.length() == 0 ? "" : ", ").append(t.name());
            }
            return sb.toString();
        }

        private int[] indices(int n, java.util.function.IntUnaryOperator get, int nTensors, String what,
                boolean optionalAllowed) {
            checkLength(n, 4, what + " list");
            int[] r = new int[n];
            for (int j = 0; j < n; j++) {
                int v = get.applyAsInt(j);
                if (v == -1 && optionalAllowed) {
                    r[j] = -1;
                    continue;
                }
                if (v < 0 || v >= nTensors) {
                    throw bad("corrupt .tflite file (" + what + " " + j + " refers to tensor " + v + " of "
                            + nTensors + ")");
                }
                r[j] = v;
            }
            return r;
        }

        private Tensor readTensor(Model model, org.tensorflow.lite.schema.Tensor t, int index, int nBuffers) {
            if (t == null) {
                throw bad("corrupt .tflite file (tensor " + index + " is missing)");
            }
            String tname = t.name();
            if (tname == null) {
                tname = "";
            }
            if (tname.length() > 4096) {
                tname = tname.substring(0, 4096);
            }
            String label = printable(tname, 64);
            int rank = checkLength(t.shapeLength(), 4, "tensor " + index + " shape");
            if (rank > MAX_RANK) {
                throw bad("corrupt .tflite file (tensor " + index + " has rank " + rank + ")");
            }
            int[] dims = new int[rank];
            long elements = 1;
            for (int d = 0; d < rank; d++) {
                dims[d] = t.shape(d);
                if (dims[d] < 0) {
                    throw bad("tensor " + index + " '" + label + "' has dynamic or negative dimension " + dims[d]
                            + "; export the model with fixed shapes (batch 1)");
                }
                elements *= dims[d];
                if (elements > MAX_TENSOR_BYTES) {
                    throw bad("tensor " + index + " '" + label + "' is too large (" + Shape.of(dims)
                            + "); this is a corrupt file or not a microcontroller model");
                }
            }
            DType dtype = dtype(t.type(), index, label);
            long nbytes = elements * dtype.size();
            if (nbytes > MAX_TENSOR_BYTES) {
                throw bad("tensor " + index + " '" + label + "' is too large (" + nbytes + " bytes)");
            }
            long bufIdx = t.buffer();
            if (bufIdx < 0 || bufIdx >= nBuffers) {
                throw bad("corrupt .tflite file (tensor " + index + " refers to buffer " + bufIdx + " of "
                        + nBuffers + ")");
            }
            byte[] data = null;
            if (bufIdx != 0) {
                Buffer b = model.buffers((int) bufIdx);
                int len = b == null ? 0 : checkLength(b.dataLength(), 1, "buffer " + bufIdx);
                if (len > 0) {
                    if (len != nbytes) {
                        throw bad("corrupt .tflite file (tensor " + index + " '" + label + "' " + dtype.label()
                                + Shape.of(dims) + " needs " + nbytes + " bytes but its buffer holds " + len + ")");
                    }
                    ByteBuffer src = b.dataAsByteBuffer();
                    if (src == null || src.remaining() < len) {
                        throw bad("corrupt .tflite file (buffer " + bufIdx + " is truncated)");
                    }
                    data = new byte[len];
                    src.get(data);
                }
            }
            QuantParams q = readQuant(t.quantization(), index, label, dims);
            return new Tensor(index, tname, Shape.of(dims), dtype, q, data, t.isVariable());
        }

        private DType dtype(byte type, int index, String label) {
            switch (type) {
                case TensorType.FLOAT32: return DType.FLOAT32;
                case TensorType.FLOAT16: return DType.FLOAT16;
                case TensorType.INT32: return DType.INT32;
                case TensorType.UINT8: return DType.UINT8;
                case TensorType.INT64: return DType.INT64;
                case TensorType.INT16: return DType.INT16;
                case TensorType.INT8: return DType.INT8;
                case TensorType.BOOL: return DType.BOOL;
                default:
                    String n = type >= 0 && type < TensorType.names.length ? TensorType.name(type) : "code " + type;
                    throw bad("tensor " + index + " '" + label + "' has unsupported type " + n
                            + "; tinyforge handles float32, int8, int16 and int32 models");
            }
        }

        private QuantParams readQuant(QuantizationParameters q, int index, String label, int[] dims) {
            if (q == null) {
                return null;
            }
            int ns = checkLength(q.scaleLength(), 4, "tensor " + index + " scales");
            int nz = checkLength(q.zeroPointLength(), 8, "tensor " + index + " zero points");
            if (ns == 0) {
                return null;
            }
            if (nz != ns && nz != 0) {
                throw bad("tensor " + index + " '" + label + "' has " + ns + " scales but " + nz
                        + " zero points; re-export the model");
            }
            int axis = q.quantizedDimension();
            if (ns > 1 && (axis < 0 || axis >= dims.length || dims[axis] != ns)) {
                throw bad("tensor " + index + " '" + label + "' has " + ns + " per-channel scales that do not "
                        + "match its shape " + Shape.of(dims) + " on axis " + axis + "; re-export the model");
            }
            float[] scales = new float[ns];
            long[] zps = new long[ns];
            for (int i = 0; i < ns; i++) {
                scales[i] = q.scale(i);
                zps[i] = nz == 0 ? 0 : q.zeroPoint(i);
                // zero would make every rescaling multiplier infinite; TFLite requires scale > 0 too
                if (!(scales[i] > 0) || Float.isInfinite(scales[i])) {
                    throw bad("tensor " + index + " '" + label + "' has invalid scale " + scales[i]
                            + "; re-export the model");
                }
            }
            return new QuantParams(scales, zps, axis);
        }
    }
}
