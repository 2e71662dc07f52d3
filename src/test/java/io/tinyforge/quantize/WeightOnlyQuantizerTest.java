package io.tinyforge.quantize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.OpType;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.Tensor;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Dynamic-range and float16 modes on the small CNN: which tensors change and how closely they keep values. */
class WeightOnlyQuantizerTest {

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
}
