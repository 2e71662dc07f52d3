package io.tinyforge.codegen.ops;

import io.tinyforge.codegen.EmitContext;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A stand-in for the generator's context in host tests: every tensor is a file-scope C array {@code t<index>}
 * (constants initialised from their bytes), and const arrays are collected as C definitions.
 */
final class ArrayEmitContext implements EmitContext {
    private final Graph graph;
    private final Set<Integer> tensors = new LinkedHashSet<>();
    private final List<String> definitions = new ArrayList<>();

    ArrayEmitContext(Graph graph) {
        this.graph = graph;
    }

    @Override
    public String tensor(int tensorIndex) {
        if (tensorIndex < 0) {
            return "NULL";
        }
        tensors.add(tensorIndex);
        return "t" + tensorIndex;
    }

    @Override
    public String constInt8(String hint, byte[] values) {
        StringBuilder sb = new StringBuilder();
        for (byte v : values) {
            sb.append(sb.length() == 0 ? "" : ", ").append(v);
        }
        return define("int8_t", hint, sb.toString());
    }

    @Override
    public String constInt16(String hint, short[] values) {
        StringBuilder sb = new StringBuilder();
        for (short v : values) {
            sb.append(sb.length() == 0 ? "" : ", ").append(v);
        }
        return define("int16_t", hint, sb.toString());
    }

    @Override
    public String constInt32(String hint, int[] values) {
        StringBuilder sb = new StringBuilder();
        for (int v : values) {
            sb.append(sb.length() == 0 ? "" : ", ").append(v == Integer.MIN_VALUE ? "INT32_MIN" : String.valueOf(v));
        }
        return define("int32_t", hint, sb.toString());
    }

    @Override
    public String constFloat(String hint, float[] values) {
        StringBuilder sb = new StringBuilder();
        for (float v : values) {
            sb.append(sb.length() == 0 ? "" : ", ").append(Float.toHexString(v)).append('f');
        }
        return define("float", hint, sb.toString());
    }

    @Override
    public String scratch() {
        return "NULL";
    }

    private String define(String type, String hint, String body) {
        String name = "k" + definitions.size() + "_" + hint;
        definitions.add("static const " + type + " " + name + "[] = { " + body + " };");
        return name;
    }

    /** C definitions of every referenced tensor array and const array. */
    String declarations() {
        StringBuilder sb = new StringBuilder();
        for (int i : tensors) {
            Tensor t = graph.tensor(i);
            if (t.isConstant()) {
                sb.append("static const ").append(t.dtype().cType()).append(" t").append(i)
                        .append("[").append(t.shape().elements()).append("] = { ");
                java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(t.data()).order(java.nio.ByteOrder.LITTLE_ENDIAN);
                for (long k = 0; k < t.shape().elements(); k++) {
                    sb.append(k == 0 ? "" : ", ");
                    switch (t.dtype()) {
                        case INT8: sb.append(bb.get()); break;
                        case INT16: sb.append(bb.getShort()); break;
                        default: sb.append(bb.getInt()); break;
                    }
                }
                sb.append(" };\n");
            } else {
                sb.append("static ").append(t.dtype().cType()).append(" t").append(i).append("[")
                        .append(Math.max(1, t.shape().elements())).append("];\n");
            }
        }
        for (String d : definitions) {
            sb.append(d).append('\n');
        }
        return sb.toString();
    }
}
