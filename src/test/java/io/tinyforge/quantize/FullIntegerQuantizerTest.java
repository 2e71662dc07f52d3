package io.tinyforge.quantize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinyforge.codegen.CNames;
import io.tinyforge.codegen.CodeGenerator;
import io.tinyforge.codegen.GeneratedModel;
import io.tinyforge.codegen.GeneratorOptions;
import io.tinyforge.exporter.TfliteWriter;
import io.tinyforge.importer.TfliteImporter;
import io.tinyforge.ir.Activation;
import io.tinyforge.ir.Conv2DOptions;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.OpType;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.QuantParams;
import io.tinyforge.ir.Tensor;
import io.tinyforge.host.HostBuild;
import io.tinyforge.refimpl.Interpreter;
import io.tinyforge.refimpl.PreparedModel;
import io.tinyforge.testing.Bytes;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Full-int8 PTQ of a small float CNN: TFLite conventions, round trip through .tflite, C == Java. */
class FullIntegerQuantizerTest {

    @TempDir
    Path tmp;

    private static final Graph FLOAT = FloatFixtures.smallCnn();
    private static final List<float[][]> CALIB = CalibrationData.synthetic(FLOAT, 32, 3);

    private static QuantizedModel quantize(IoType io) {
        return FullIntegerQuantizer.quantize(FLOAT, CALIB, MinMaxObserver::new, io);
    }

    private static Tensor byName(Graph g, String name) {
        return g.tensors().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow(
                () -> new AssertionError("no tensor " + name));
    }

    @Test
    void followsTfliteConventions() {
        Graph q = quantize(IoType.INT8).quantized();
        // RELU6 fused into the conv, which now writes relu6_out
        assertTrue(q.operators().stream().noneMatch(o -> o.type() == OpType.RELU6));
        Operator conv = q.operators().get(0);
        assertEquals(OpType.CONV_2D, conv.type());
        assertEquals(Activation.RELU6, conv.options(Conv2DOptions.class).activation());
        assertEquals("relu6_out", q.tensor(conv.output(0)).name());
        // input: asymmetric params of the calibration data's own min/max
        float lo = 0;
        float hi = 0;
        for (float[][] r : CALIB) {
            for (float v : r[0]) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        float s = (hi - lo) / 255f;
        assertEquals(QuantParams.perTensor(s, Math.round(-128 - lo / s)), q.input(0).quant());
        assertEquals(DType.INT8, q.input(0).dtype());
        // weights: int8, symmetric per channel, axis 0 (conv, fc) or 3 (depthwise), max |q| = 127 per channel
        checkWeights(q, "conv_w", 0, 4);
        checkWeights(q, "dw_w", 3, 4);
        checkWeights(q, "fc_w", 0, 3);
        // biases: int32 with scale s_in * s_w[c]
        checkBias(q, "conv_b", q.input(0).quant().scale(), byName(q, "conv_w").quant());
        checkBias(q, "dw_b", byName(q, "relu6_out").quant().scale(), byName(q, "dw_w").quant());
        checkBias(q, "fc_b", byName(q, "flat").quant().scale(), byName(q, "fc_w").quant());
        // pool and reshape keep their input's quantization; softmax output is fixed
        assertEquals(byName(q, "dw_out").quant(), byName(q, "pool_out").quant());
        assertEquals(byName(q, "dw_out").quant(), byName(q, "flat").quant());
        assertEquals(QuantParams.perTensor(1f / 256f, -128), q.output(0).quant());
        // fused RELU6 output range lies within [0, 6]: zero point -128
        assertEquals(-128, byName(q, "relu6_out").quant().zeroPoint());
        assertTrue(byName(q, "relu6_out").quant().scale() <= 6f / 255f);
    }

    private static void checkWeights(Graph q, String name, int axis, int channels) {
        Tensor w = byName(q, name);
        assertEquals(DType.INT8, w.dtype(), name);
        assertEquals(axis, w.quant().axis(), name);
        assertEquals(channels, w.quant().channels(), name);
        assertArrayEquals(new long[channels], w.quant().zeroPoints(), name);
        int[] dims = w.shape().dims();
        int inner = 1;
        for (int d = axis + 1; d < dims.length; d++) {
            inner *= dims[d];
        }
        int[] maxAbs = new int[channels];
        byte[] d = w.data();
        for (int i = 0; i < d.length; i++) {
            int c = (i / inner) % channels;
            maxAbs[c] = Math.max(maxAbs[c], Math.abs(d[i]));
        }
        for (int c = 0; c < channels; c++) {
            assertEquals(127, maxAbs[c], name + " channel " + c);
        }
    }

    private static void checkBias(Graph q, String name, float inputScale, QuantParams w) {
        Tensor b = byName(q, name);
        assertEquals(DType.INT32, b.dtype(), name);
        for (int c = 0; c < w.channels(); c++) {
            assertEquals(inputScale * w.scale(c), b.quant().scale(c), name + " channel " + c);
        }
    }

    @Test
    void int8ModelTracksTheFloatModel() {
        QuantizedModel qm = quantize(IoType.INT8);
        FloatRunner f = new FloatGraphEvaluator(qm.floatGraph());
        FloatRunner q = new QuantizedGraphRunner(qm.quantized());
        int out = qm.floatGraph().output(0).index();
        for (float[][] in : CalibrationData.synthetic(FLOAT, 20, 99)) {
            float[] a = f.run(in)[out];
            float[] b = q.run(in)[out];
            for (int i = 0; i < a.length; i++) {
                assertEquals(a[i], b[i], 0.04, "probability " + i);
            }
        }
    }

    @Test
    void writesATfliteTheImporterReadsBack() throws Exception {
        Graph q = quantize(IoType.INT8).quantized();
        Path p = Files.write(tmp.resolve("q.tflite"), TfliteWriter.write(q));
        Graph back = TfliteImporter.load(p);
        assertEquals(q.tensors().size(), back.tensors().size());
        for (int i = 0; i < q.tensors().size(); i++) {
            Tensor a = q.tensor(i);
            Tensor b = back.tensor(i);
            assertEquals(a.dtype(), b.dtype(), a.name());
            assertEquals(a.quant(), b.quant(), a.name());
            if (a.isConstant()) {
                assertArrayEquals(a.data(), b.data(), a.name());
            }
        }
        assertEquals(q.operators().size(), back.operators().size());
    }

    @Test
    void floatIoWrapsTheInt8ModelInQuantizeAndDequantize() {
        Graph qi = quantize(IoType.INT8).quantized();
        Graph qf = quantize(IoType.FLOAT).quantized();
        assertEquals(OpType.QUANTIZE, qf.operators().get(0).type());
        assertEquals(OpType.DEQUANTIZE, qf.operators().get(qf.operators().size() - 1).type());
        assertEquals(DType.FLOAT32, qf.input(0).dtype());
        assertEquals(DType.FLOAT32, qf.output(0).dtype());
        Interpreter fi = new Interpreter(qf);
        QuantizedGraphRunner ii = new QuantizedGraphRunner(qi);
        Interpreter raw = new Interpreter(qi);
        float s = qi.output(0).quant().scale();
        int zp = qi.output(0).quant().zeroPoint();
        for (float[][] in : CalibrationData.synthetic(FLOAT, 5, 7)) {
            ByteBuffer fin = ByteBuffer.allocate(4 * in[0].length).order(ByteOrder.LITTLE_ENDIAN);
            for (float v : in[0]) {
                fin.putFloat(v);
            }
            ByteBuffer fo = ByteBuffer.wrap(fi.run(fin.array())).order(ByteOrder.LITTLE_ENDIAN);
            byte[] io = raw.run(ii.inputRecord(in));
            for (int i = 0; i < io.length; i++) {
                assertEquals((io[i] - zp) * s, fo.getFloat(4 * i), "output " + i);
            }
        }
    }

    @Test
    void ptqModelOnHostCEqualsJavaByteForByte() {
        for (IoType io : IoType.values()) {
            Graph q = quantize(io).quantized();
            PreparedModel m = PreparedModel.prepare(q);
            String name = CNames.fromFileName("small_cnn_" + io.name().toLowerCase(java.util.Locale.ROOT));
            GeneratorOptions opt = new GeneratorOptions(name, "FullIntegerQuantizerTest");
            Path dir = tmp.resolve(name);
            GeneratedModel gm = CodeGenerator.generate(m, opt, dir.resolve("gen"));
            int per = (int) q.inputRecordBytes();
            byte[] records = new byte[per * 16];
            new java.util.Random(5).nextBytes(records);
            if (io == IoType.FLOAT) {
                ByteBuffer b = ByteBuffer.wrap(records).order(ByteOrder.LITTLE_ENDIAN);
                java.util.Random r = new java.util.Random(6);
                for (int i = 0; i < records.length / 4; i++) {
                    b.putFloat(4 * i, (float) (r.nextGaussian()));
                }
            }
            Interpreter it = new Interpreter(m);
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            for (int off = 0; off < records.length; off += per) {
                expected.writeBytes(it.run(java.util.Arrays.copyOfRange(records, off, off + per)));
            }
            byte[] actual = HostBuild.compile(gm.dir(), CodeGenerator.harness(m, opt), dir.resolve("build"))
                    .run(records);
            Bytes.assertSame("PTQ small_cnn io=" + io + " host C vs Java", expected.toByteArray(), actual,
                    q.output(0).dtype().size());
        }
    }

    @Test
    void rangesAreRecordedForActivationsOnly() {
        QuantizedModel qm = quantize(IoType.INT8);
        for (Tensor t : qm.floatGraph().tensors()) {
            if (t.isConstant()) {
                assertNull(qm.ranges()[t.index()], t.name());
            } else {
                assertTrue(qm.ranges()[t.index()] != null, t.name());
            }
        }
    }
}
