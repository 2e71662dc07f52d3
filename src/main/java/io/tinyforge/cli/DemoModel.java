package io.tinyforge.cli;

import io.tinyforge.importer.TfliteImporter;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.ModelException;
import io.tinyforge.ir.OpType;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.QuantParams;
import io.tinyforge.ir.ReshapeOptions;
import io.tinyforge.ir.Shape;
import io.tinyforge.ir.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The model {@code demo} runs: the embedded {@code /io/tinyforge/models/default_int8.tflite}, or, in a build
 * that does not embed one yet, a small graph built in code (int8 input, two RESHAPEs, output).
 */
final class DemoModel {
    static final String RESOURCE = "/io/tinyforge/models/default_int8.tflite";
    static final String INPUTS = "/io/tinyforge/models/default_int8.inputs.bin";

    private DemoModel() {
    }

    /** The demo graph, where it came from, and its shipped input vectors (null when none). */
    record Loaded(Graph graph, String source, byte[] inputs) {
    }

    static Loaded load() {
        try (InputStream in = DemoModel.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                Graph g = TfliteImporter.parse(in.readAllBytes(), "default_int8", RESOURCE);
                return new Loaded(g, "embedded " + RESOURCE, inputs(g));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ModelException e) {
            throw new ModelException("the embedded demo model is broken: " + e.getMessage());
        }
        return new Loaded(builtin(), "built-in fallback graph (no embedded .tflite in this build)", null);
    }

    private static byte[] inputs(Graph g) throws IOException {
        try (InputStream in = DemoModel.class.getResourceAsStream(INPUTS)) {
            if (in == null) {
                return null;
            }
            byte[] b = in.readAllBytes();
            long rec = g.inputRecordBytes();
            return rec > 0 && b.length > 0 && b.length % rec == 0 ? b : null;
        }
    }

    /** int8 [1,8,8,2] → RESHAPE [1,-1] → RESHAPE [4,32] → output. */
    static Graph builtin() {
        QuantParams q = QuantParams.perTensor(0.25f, 3);
        Tensor in = new Tensor(0, "input", Shape.of(1, 8, 8, 2), DType.INT8, q, null, false);
        Tensor mid = new Tensor(1, "flat", Shape.of(1, 128), DType.INT8, q, null, false);
        Tensor out = new Tensor(2, "output", Shape.of(4, 32), DType.INT8, q, null, false);
        Operator a = new Operator(0, OpType.RESHAPE, new int[] {0}, new int[] {1},
                new ReshapeOptions(new int[] {1, -1}), new int[0]);
        Operator b = new Operator(1, OpType.RESHAPE, new int[] {1}, new int[] {2},
                new ReshapeOptions(new int[] {4, 32}), new int[0]);
        return new Graph("builtin_reshape", List.of(in, mid, out), List.of(a, b), new int[] {0}, new int[] {2},
                "b1" + "0".repeat(62));
    }
}
