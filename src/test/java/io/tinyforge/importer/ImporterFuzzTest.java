package io.tinyforge.importer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinyforge.exporter.TfliteWriter;
import io.tinyforge.fixtures.FixtureModels;
import io.tinyforge.fixtures.GraphBuilder;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.NoOptions;
import io.tinyforge.ir.OpType;
import io.tinyforge.ir.QuantParams;
import io.tinyforge.ir.Shape;
import io.tinyforge.fixtures.SplitMix64;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.ModelException;
import io.tinyforge.refimpl.Interpreter;
import io.tinyforge.refimpl.PreparedModel;
import io.tinyforge.testing.SharedModels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Feeds the importer mutated copies of real models (the fixtures always, the shared models when present):
 * random bit flips, byte overwrites, truncations, huge or negative shape dimensions, corrupted root, table,
 * vtable, field and vector-length words, plus empty and non-.tflite files. Every case must import or fail
 * with a one-line {@link ModelException}; an imported graph must then prepare or fail the same way, and a
 * prepared one run once (all-zero input) or fail the same way.
 */
class ImporterFuzzTest {
    /** Multiplies every case count (-Dfuzz.scale=10 for a longer hunt; 1 in the normal build). */
    private static final int SCALE = Math.max(1, Integer.getInteger("fuzz.scale", 1));
    private static final int MUTATIONS_PER_KIND = 8 * SCALE;
    private static final Duration PER_CASE = Duration.ofSeconds(20);
    /** Prepared graphs whose activations fit in this many bytes are also run once. */
    private static final long MAX_RUN_BYTES = 16L << 20;

    /** One fuzz case. */
    private record Case(String what, byte[] bytes) {
    }

    /** Counts of outcomes, for the report. */
    private static final class Tally {
        int imported;
        int rejected;
        int prepared;
        int prepareRejected;
        final List<String> failures = new ArrayList<>();
        /** Rejection messages with numbers and the case name blanked, counted (printed with -Dfuzz.verbose). */
        final Map<String, Integer> kinds = new java.util.TreeMap<>();

        void rejectedWith(String where, String message) {
            String kind = message.replace(where, "").replaceAll("-?\\d+", "N");
            kinds.merge(kind.substring(0, Math.min(kind.length(), 110)), 1, Integer::sum);
        }
    }

    @Test
    void mutatedFixturesImportOrFailWithOneLine() {
        Map<String, byte[]> sources = new LinkedHashMap<>();
        FixtureModels.byName().forEach((name, g) -> sources.put(name, TfliteWriter.write(g)));
        Tally t = run(sources, 0xF022L);
        assertTrue(t.imported + t.rejected >= 1000, "only " + (t.imported + t.rejected) + " cases");
        assertTrue(t.rejected > 0 && t.imported > 0, "fuzzing produced only one kind of outcome");
    }

    @Test
    void mutatedSharedModelsImportOrFailWithOneLine() {
        Map<String, byte[]> sources = new LinkedHashMap<>();
        for (String name : SharedModels.INT8_MODELS) {
            try {
                sources.put(name, Files.readAllBytes(SharedModels.model(name)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Tally t = run(sources, 0x5AA4EDL);
        assertTrue(t.imported + t.rejected >= 500, "only " + (t.imported + t.rejected) + " cases");
    }

    @Test
    void semanticallyWrongFixturesImportOrFailWithOneLine() {
        SplitMix64 r = new SplitMix64(0x5E3A1L);
        Tally t = new Tally();
        for (Graph g : FixtureModels.byName().values()) {
            ModelMutator m = new ModelMutator(g, r);
            for (int i = 0; i < 40 * SCALE; i++) {
                ModelMutator.Mutant mu = m.next();
                check(new Case(g.name() + " #" + i + " " + mu.what(), mu.bytes()), t);
            }
        }
        report("semantic", t);
        assertTrue(t.prepared > 0 && t.prepareRejected > 0 && t.rejected > 0, "mutations too mild or too harsh");
    }

    @Test
    void semanticallyWrongSharedModelsImportOrFailWithOneLine() {
        SharedModels.require();
        SplitMix64 r = new SplitMix64(0x5E3A2L);
        Tally t = new Tally();
        for (String name : SharedModels.INT8_MODELS) {
            ModelMutator m = new ModelMutator(TfliteImporter.load(SharedModels.model(name)), r);
            for (int i = 0; i < 30 * SCALE; i++) {
                ModelMutator.Mutant mu = m.next();
                check(new Case(name + " #" + i + " " + mu.what(), mu.bytes()), t);
            }
        }
        report("semantic shared", t);
    }

    @Test
    void emptyAndForeignFilesFailWithOneLine() {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("zero-length file", new byte[0]));
        cases.add(new Case("seven bytes", new byte[7]));
        cases.add(new Case("text file", "model: not a flatbuffer\nsecond line\n".getBytes(StandardCharsets.UTF_8)));
        cases.add(new Case("PNG header", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13}));
        cases.add(new Case("zeros", new byte[4096]));
        byte[] onlyId = new byte[16];
        onlyId[4] = 'T';
        onlyId[5] = 'F';
        onlyId[6] = 'L';
        onlyId[7] = '3';
        cases.add(new Case("identifier only", onlyId));
        byte[] wrongId = TfliteWriter.write(FixtureModels.defaultModel());
        wrongId[7] = '2';
        cases.add(new Case("TFL2 identifier", wrongId));
        SplitMix64 r = new SplitMix64(7);
        for (int i = 0; i < 20; i++) {
            byte[] noise = r.int8Bytes(8 + (int) Long.remainderUnsigned(r.next(), 4000));
            if (i % 2 == 0) {
                noise[4] = 'T';
                noise[5] = 'F';
                noise[6] = 'L';
                noise[7] = '3';
            }
            cases.add(new Case("random bytes " + i + (i % 2 == 0 ? " with TFL3 identifier" : ""), noise));
        }
        Tally t = new Tally();
        for (Case c : cases) {
            check(c, t);
        }
        assertTrue(t.failures.isEmpty(), String.join("\n", t.failures));
        assertTrue(t.rejected >= 7, "the empty and foreign files must be rejected");
    }

    @Test
    void messageStaysOneLineWhenATensorNameHoldsANewline() {
        GraphBuilder b = new GraphBuilder("evil");
        int x = b.tensor("line one\nline two\r", Shape.of(1, -4), DType.INT8, QuantParams.perTensor(0.5f, 0));
        int y = b.tensor("y", Shape.of(1, 4), DType.INT8, QuantParams.perTensor(0.5f, 0));
        b.op(OpType.RELU, NoOptions.INSTANCE, new int[] {x}, new int[] {y});
        byte[] bytes = TfliteWriter.write(new Graph("evil", List.of(b.tensorAt(x), b.tensorAt(y)),
                List.of(new io.tinyforge.ir.Operator(0, OpType.RELU, new int[] {x}, new int[] {y}, NoOptions.INSTANCE,
                        new int[0])), new int[] {x}, new int[] {y}, ""));
        ModelException e = assertThrows(ModelException.class, () -> TfliteImporter.parse(bytes, "evil", "evil"));
        assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r"), e.getMessage());
        assertTrue(e.getMessage().contains("line one"), e.getMessage());
    }

    @Test
    void operatorWritingAConstantIsRejected() {
        GraphBuilder b = new GraphBuilder("writes_const");
        int x = b.tensor("x", Shape.of(1, 4), DType.INT8, QuantParams.perTensor(0.5f, 0));
        int c = b.constInt8("c", Shape.of(1, 4), QuantParams.perTensor(0.5f, 0), new byte[4]);
        b.op(OpType.RELU, NoOptions.INSTANCE, new int[] {x}, new int[] {c});
        byte[] bytes = TfliteWriter.write(b.inputs(x).outputs(c).build());
        ModelException e = assertThrows(ModelException.class, () -> TfliteImporter.parse(bytes, "w", "w"));
        assertTrue(e.getMessage().contains("writes constant tensor 1"), e.getMessage());
    }

    @Test
    void operatorsOutOfExecutionOrderAreRejected() {
        GraphBuilder b = new GraphBuilder("order");
        QuantParams q = QuantParams.perTensor(0.5f, 0);
        int x = b.tensor("x", Shape.of(1, 4), DType.INT8, q);
        int y = b.tensor("y", Shape.of(1, 4), DType.INT8, q);
        int z = b.tensor("z", Shape.of(1, 4), DType.INT8, q);
        b.op(OpType.RELU, NoOptions.INSTANCE, new int[] {y}, new int[] {z});
        b.op(OpType.RELU, NoOptions.INSTANCE, new int[] {x}, new int[] {y});
        byte[] bytes = TfliteWriter.write(b.inputs(x).outputs(z).build());
        ModelException e = assertThrows(ModelException.class, () -> TfliteImporter.parse(bytes, "o", "o"));
        assertTrue(e.getMessage().contains("execution order"), e.getMessage());
    }

    @Test
    void zeroScaleIsRejectedBeforeItMakesAnInfiniteMultiplier() {
        GraphBuilder b = new GraphBuilder("zero_scale");
        int x = b.tensor("x", Shape.of(1, 4), DType.INT8, QuantParams.perTensor(0.5f, 0));
        int y = b.tensor("y", Shape.of(1, 4), DType.INT8, QuantParams.perTensor(0f, 0));
        b.op(OpType.RELU, NoOptions.INSTANCE, new int[] {x}, new int[] {y});
        byte[] bytes = TfliteWriter.write(b.inputs(x).outputs(y).build());
        ModelException e = assertThrows(ModelException.class, () -> TfliteImporter.parse(bytes, "z", "z"));
        assertTrue(e.getMessage().contains("invalid scale 0.0"), e.getMessage());
    }

    @Test
    void emptyOperatorTensorIsRejected() {
        GraphBuilder b = new GraphBuilder("empty");
        QuantParams q = QuantParams.perTensor(0.5f, 0);
        int x = b.tensor("x", Shape.of(1, 4), DType.INT8, q);
        int y = b.tensor("y", Shape.of(1, 0), DType.INT8, q);
        b.op(OpType.RELU, NoOptions.INSTANCE, new int[] {x}, new int[] {y});
        byte[] bytes = TfliteWriter.write(b.inputs(x).outputs(y).build());
        ModelException e = assertThrows(ModelException.class, () -> TfliteImporter.parse(bytes, "e", "e"));
        assertTrue(e.getMessage().contains("is empty"), e.getMessage());
    }

    @Test
    void requiredInputOmittedIsRejected() {
        GraphBuilder b = new GraphBuilder("omitted");
        QuantParams q = QuantParams.perTensor(0.5f, 0);
        int x = b.tensor("x", Shape.of(1, 4), DType.INT8, q);
        int y = b.tensor("y", Shape.of(1, 4), DType.INT8, q);
        b.op(OpType.ADD, new io.tinyforge.ir.ActivationOptions(io.tinyforge.ir.Activation.NONE), new int[] {x, -1},
                new int[] {y});
        byte[] bytes = TfliteWriter.write(b.inputs(x).outputs(y).build());
        ModelException e = assertThrows(ModelException.class, () -> TfliteImporter.parse(bytes, "o", "o"));
        assertTrue(e.getMessage().contains("omits its required input 1"), e.getMessage());
    }

    private static Tally run(Map<String, byte[]> sources, long seed) {
        SplitMix64 r = new SplitMix64(seed);
        Tally t = new Tally();
        for (Map.Entry<String, byte[]> e : sources.entrySet()) {
            for (Case c : mutations(e.getKey(), e.getValue(), r)) {
                check(c, t);
            }
        }
        report(String.format("seed %x", seed), t);
        return t;
    }

    private static void report(String what, Tally t) {
        assertTrue(t.failures.isEmpty(), t.failures.size() + " cases broke the contract:\n"
                + String.join("\n", t.failures.subList(0, Math.min(20, t.failures.size()))));
        System.out.printf("fuzz %s: %d imported (%d prepared, %d rejected by prepare), %d rejected by import%n",
                what, t.imported, t.prepared, t.prepareRejected, t.rejected);
        if (Boolean.getBoolean("fuzz.verbose")) {
            t.kinds.forEach((k, n) -> System.out.printf("%5d %s%n", n, k));
        }
    }

    private static void check(Case c, Tally t) {
        try {
            assertTimeoutPreemptively(PER_CASE, () -> importAndPrepare(c, t), c.what + ": took too long");
        } catch (AssertionError e) {
            t.failures.add(c.what + ": " + e.getMessage());
        }
    }

    private static void importAndPrepare(Case c, Tally t) {
        Graph g;
        try {
            g = TfliteImporter.parse(c.bytes, "fuzz", c.what);
            t.imported++;
        } catch (ModelException e) {
            oneLine(c, "import", e);
            t.rejected++;
            t.rejectedWith(c.what, e.getMessage());
            return;
        } catch (Throwable e) {
            t.failures.add(c.what + ": import threw " + e);
            return;
        }
        try {
            PreparedModel pm = PreparedModel.prepare(g);
            t.prepared++;
            if (activationBytes(g) <= MAX_RUN_BYTES) {
                run(c, t, pm);
            }
        } catch (ModelException e) {
            oneLine(c, "prepare", e);
            t.prepareRejected++;
        } catch (Throwable e) {
            t.failures.add(c.what + ": prepare threw " + e);
        }
    }

    /** A prepared graph must also run (on an all-zero input) or fail with one line. */
    private static void run(Case c, Tally t, PreparedModel pm) {
        try {
            new Interpreter(pm).run(new byte[(int) pm.graph().inputRecordBytes()]);
        } catch (ModelException e) {
            oneLine(c, "run", e);
        } catch (Throwable e) {
            t.failures.add(c.what + ": run threw " + e);
        }
    }

    private static long activationBytes(Graph g) {
        long n = 0;
        for (io.tinyforge.ir.Tensor x : g.tensors()) {
            n += x.isConstant() ? 0 : x.bytes();
        }
        return n;
    }

    private static void oneLine(Case c, String stage, ModelException e) {
        String m = e.getMessage();
        if (m == null || m.isBlank() || m.indexOf('\n') >= 0 || m.indexOf('\r') >= 0) {
            throw new AssertionError(c.what + ": " + stage + " message is not one line: "
                    + (m == null ? "null" : m.replace("\n", "\\n").replace("\r", "\\r")));
        }
    }

    // ---- mutations ----

    private static List<Case> mutations(String name, byte[] original, SplitMix64 r) {
        FlatbufferMap map = FlatbufferMap.of(original);
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < MUTATIONS_PER_KIND; i++) {
            String id = name + " #" + i;
            byte[] b = original.clone();
            int flips = 1 + below(r, 8);
            for (int k = 0; k < flips; k++) {
                int at = below(r, b.length);
                b[at] ^= (byte) (1 << below(r, 8));
            }
            cases.add(new Case(id + " bit flips x" + flips, b));

            b = original.clone();
            int at = below(r, b.length);
            int run = 1 + below(r, 16);
            for (int k = at; k < Math.min(b.length, at + run); k++) {
                b[k] = (byte) r.next();
            }
            cases.add(new Case(id + " overwrite " + run + " bytes at " + at, b));

            int len = below(r, original.length);
            cases.add(new Case(id + " truncated to " + len, Arrays.copyOf(original, len)));

            if (!map.shapeDims().isEmpty()) {
                int dim = pick(r, map.shapeDims());
                int[] values = {Integer.MAX_VALUE, 1 << 30, 65536, -1, Integer.MIN_VALUE, 0, 1 << 20};
                int v = values[below(r, values.length)];
                cases.add(new Case(id + " shape entry at " + dim + " = " + v, patchInt(original, dim, v)));
            }

            cases.add(new Case(id + " root offset = " + hostile(r, original.length),
                    patchInt(original, 0, hostile(r, original.length))));

            int table = pick(r, map.tables());
            int soff = hostile(r, original.length);
            cases.add(new Case(id + " vtable offset of table at " + table + " = " + soff,
                    patchInt(original, table, soff)));

            // one vtable entry (a field's offset within its table) or one field word itself
            byte[] vt = original.clone();
            int vtable = table - readInt(original, table);
            int vtLen = vtable >= 0 && vtable + 2 <= original.length ? readShort(original, vtable) : 0;
            String what;
            if (vtLen > 4 && r.next() % 2 == 0) {
                int entry = vtable + 4 + 2 * below(r, (vtLen - 4) / 2);
                int v = (int) (r.next() & 0xffff);
                vt[entry] = (byte) v;
                vt[entry + 1] = (byte) (v >> 8);
                what = " vtable entry at " + entry + " = " + v;
            } else {
                int field = Math.min(original.length - 4, table + 4 + 4 * below(r, 4));
                int v = hostile(r, original.length);
                vt = patchInt(original, field, v);
                what = " field word at " + field + " = " + v;
            }
            cases.add(new Case(id + what, vt));

            if (!map.vectorLengths().isEmpty()) {
                int lenAt = pick(r, map.vectorLengths());
                int v = hostile(r, original.length);
                cases.add(new Case(id + " vector length at " + lenAt + " = " + v, patchInt(original, lenAt, v)));
            }
        }
        return cases;
    }

    /** An int that is likely to be wrong as an offset or length: negative, huge, just past the end, odd. */
    private static int hostile(SplitMix64 r, int fileLength) {
        switch (below(r, 6)) {
            case 0: return -1 - below(r, 1000);
            case 1: return Integer.MAX_VALUE - below(r, 16);
            case 2: return fileLength + below(r, 64) - 8;
            case 3: return (int) r.next();
            case 4: return below(r, 16);
            default: return 1 + 2 * below(r, fileLength / 2 + 1);
        }
    }

    private static int below(SplitMix64 r, int n) {
        return n <= 0 ? 0 : (int) Long.remainderUnsigned(r.next(), n);
    }

    private static int pick(SplitMix64 r, List<Integer> xs) {
        return xs.get(below(r, xs.size()));
    }

    private static byte[] patchInt(byte[] original, int at, int v) {
        byte[] b = original.clone();
        if (at >= 0 && at + 4 <= b.length) {
            ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(at, v);
        }
        return b;
    }

    private static int readInt(byte[] b, int at) {
        return at >= 0 && at + 4 <= b.length ? ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt(at) : 0;
    }

    private static int readShort(byte[] b, int at) {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getShort(at) & 0xffff;
    }
}
