package io.tinyforge.quantize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import io.tinyforge.codegen.CodeGenerator;
import io.tinyforge.codegen.GeneratedModel;
import io.tinyforge.codegen.GeneratorOptions;
import io.tinyforge.host.HostBuild;
import io.tinyforge.ir.DType;
import io.tinyforge.refimpl.Interpreter;
import io.tinyforge.refimpl.PreparedModel;
import io.tinyforge.testing.Bytes;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.OpType;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.Tensor;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Dynamic-range and float16 modes on the small CNN: which tensors change and how closely they keep values. */
class WeightOnlyQuantizerTest {

    @TempDir
    Path tmp;

    private static final Graph FLOAT = FloatFixtures.smallCnn();

    private static Tensor byName(Graph g, String name) {
        return g.tensors().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void dynamicRangeQuantizesConvAndFcWeightsPerChannel() {
        Graph q = WeightOnlyQuantizer.dynamicRange(FLOAT, 0).quantized();
        for (String w : new String[] {"conv_w", "fc_w"}) {
            Tensor t = byName(q, w);
            assertEquals(DType.INT8, t.dtype(), w);
            assertEquals(0, t.quant().axis(), w);
            float[] orig = FloatGraphEvaluator.constFloats(byName(FLOAT, w));
            int channels = t.shape().dim(0);
            int inner = orig.length / channels;
            for (int i = 0; i < orig.length; i++) {
                float s = t.quant().scale(i / inner);
                assertEquals(orig[i], t.data()[i] * s, s / 2 + 1e-7f, w + "[" + i + "]");
            }
        }
        // depthwise weights and every bias stay float32; activations stay float32
        assertEquals(DType.FLOAT32, byName(q, "dw_w").dtype());
        assertEquals(DType.FLOAT32, byName(q, "conv_b").dtype());
        assertEquals(DType.FLOAT32, q.input(0).dtype());
        assertEquals(DType.FLOAT32, q.output(0).dtype());
    }

    @Test
    void dynamicRangeHonoursTheMinimumSize() {
        Graph q = WeightOnlyQuantizer.dynamicRange(FLOAT, WeightOnlyQuantizer.CONVERTER_MIN_ELEMENTS).quantized();
        assertTrue(q.tensors().stream().noneMatch(t -> t.dtype() == DType.INT8), "all weights < 1024 elements");
    }

    @Test
    void float16StoresWeightsAndBiasesBehindDequantize() {
        QuantizedModel qm = WeightOnlyQuantizer.float16(FLOAT);
        Graph q = qm.quantized();
        Set<Integer> produced = new HashSet<>();
        int dequantize = 0;
        for (Operator op : q.operators()) {
            for (int in : op.inputs()) {
                if (in >= 0) {
                    Tensor t = q.tensor(in);
                    assertTrue(t.isConstant() || produced.contains(in) || in == q.inputs()[0],
                            op + " reads " + t + " before it is written");
                }
            }
            if (op.type() == OpType.DEQUANTIZE) {
                dequantize++;
                Tensor h = q.tensor(op.input(0));
                assertEquals(DType.FLOAT16, h.dtype());
                float[] orig = FloatGraphEvaluator.constFloats(qm.floatGraph().tensor(op.output(0)));
                float[] half = FloatGraphEvaluator.constFloats(h);
                for (int i = 0; i < orig.length; i++) {
                    assertEquals(orig[i], half[i], Math.abs(orig[i]) * 0x1p-11f + 0x1p-25f, h.name() + "[" + i + "]");
                }
            }
            produced.add(op.output(0));
        }
        assertEquals(6, dequantize, "3 weights + 3 biases");
    }

    /** Dynamic-range and float16 models: generated host C equals the Java reference byte for byte. */
    @Test
    void weightOnlyModelsRunOnHostCLikeJava() {
        for (QuantizedModel qm : new QuantizedModel[] {WeightOnlyQuantizer.dynamicRange(FLOAT, 0),
                WeightOnlyQuantizer.float16(FLOAT)}) {
            Graph q = qm.quantized();
            PreparedModel m = PreparedModel.prepare(q);
            int per = (int) q.inputRecordBytes();
            ByteBuffer in = ByteBuffer.allocate(per * 8).order(ByteOrder.LITTLE_ENDIAN);
            java.util.Random r = new java.util.Random(8);
            while (in.hasRemaining()) {
                in.putFloat((float) r.nextGaussian());
            }
            byte[] records = in.array();
            Interpreter it = new Interpreter(m);
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            for (int off = 0; off < records.length; off += per) {
                expected.writeBytes(it.run(java.util.Arrays.copyOfRange(records, off, off + per)));
            }
            GeneratorOptions opt = new GeneratorOptions(q.name(), "WeightOnlyQuantizerTest");
            GeneratedModel gm = CodeGenerator.generate(m, opt, tmp.resolve(q.name()).resolve("gen"));
            byte[] actual = HostBuild.compile(gm.dir(), CodeGenerator.harness(m, opt),
                    tmp.resolve(q.name()).resolve("build")).run(records);
            Bytes.assertSame(q.name() + " host C vs Java", expected.toByteArray(), actual, 4);
        }
    }
}
