package io.tinyforge.refimpl.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinyforge.ir.Activation;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.ModelException;
import io.tinyforge.ir.OpType;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.QuantParams;
import io.tinyforge.ir.Shape;
import io.tinyforge.ir.SvdfOptions;
import io.tinyforge.ir.Tensor;
import io.tinyforge.refimpl.PrepareContext;
import io.tinyforge.refimpl.TensorStore;
import io.tinyforge.testing.LayerGoldens;
import io.tinyforge.testing.StateGoldens;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SvdfKernelTest {

    @Test
    void everySvdfOutputOfKeywordModelMatchesTflm() {
        int n = LayerGoldens.check("tflm_keyword_scrambled_8bit", Set.of(OpType.SVDF),
                Map.of(OpType.SVDF, new SvdfKernel()));
        assertEquals(7, n);
    }

    @Test
    void everySvdfStateOfKeywordModelMatchesTflmIncludingWrapAroundOfNewColumn() {
        assertEquals(7, StateGoldens.check("tflm_keyword_scrambled_8bit", OpType.SVDF, new SvdfKernel()));
    }

    /**
     * One batch, two inputs, two filters of rank 1, memory 2, unit scales (multiplier 1.0): the expected
     * values follow from the SVDF definition by hand.
     */
    @Test
    void tinySvdfWithUnitScalesFollowsTheDefinition() {
        Graph g = tiny(0.5f, 2, 1.0f, 1.0f, 1.0f, 1.0f, 1.0f, 3, -4);
        SvdfKernel k = new SvdfKernel();
        SvdfParams p = k.prepare(g, g.operators().get(0), PrepareContext.DEFAULT);
        TensorStore s = new TensorStore(g);
        assertEquals(8, p.macs(), "2 filters x (2 inputs + 2 memory steps)");
        assertEquals(4L * (2 + 2), p.scratchBytes(), "int32 per filter (2) and per unit (2)");
        // state starts at its zero point (3), as after TFLM Reset()
        assertArrayEquals(new byte[] {3, 3, 3, 3}, s.bytes(4));
        s.bytes(0)[0] = 7; // input - zp = 5
        s.bytes(0)[1] = 0; // input - zp = -2
        k.eval(p, s);
        // feature: filter0 = 1*5 + 2*(-2) = 1 -> state col = 1 + 3 = 4; filter1 = -1*5 + 3*(-2) = -11 -> -8
        assertArrayEquals(new byte[] {3, 4, 3, -8}, s.bytes(4));
        // time: filter0 = 1*(3-3) + 2*(4-3) = 2; filter1 = -1*0 + 1*(-11) = -11
        // out = dot + bias + zp: 2 + 10 - 4 = 8; -11 - 20 - 4 = -35
        assertArrayEquals(new byte[] {8, -35}, s.bytes(5));
        k.eval(p, s);
        // second step: the old newest column moves left; same input gives the same new column
        assertArrayEquals(new byte[] {4, 4, -8, -8}, s.bytes(4));
        // filter0 = 1*1 + 2*1 = 3 -> 3 + 10 - 4 = 9; filter1 = -1*(-11) + 1*(-11) = 0 -> -24
        assertArrayEquals(new byte[] {9, -24}, s.bytes(5));
    }

    @Test
    void mixedWeightsTimeAndStateTypesAreRejectedWithOneLine() {
        Graph g = tiny(0.5f, 2, 1.0f, 1.0f, 1.0f, 1.0f, 1.0f, 0, 0);
        List<Tensor> ts = new java.util.ArrayList<>(g.tensors());
        Tensor st = ts.get(4);
        ts.set(4, new Tensor(4, "state", st.shape(), DType.INT16, st.quant(), null, true));
        Graph g16 = new Graph("t", ts, g.operators(), g.inputs(), g.outputs(), "0");
        ModelException e = assertThrows(ModelException.class,
                () -> new SvdfKernel().prepare(g16, g16.operators().get(0), PrepareContext.DEFAULT));
        assertTrue(e.getMessage().contains("both be int8 or both int16") && !e.getMessage().contains("\n"),
                e.getMessage());
    }

    /**
     * int16 weights_time and state (what current converters emit): new state values clamp to int16, not int8.
     * Unit scales except the output (8, so the output multiplier is 1/8); the values follow by hand.
     */
    @Test
    void int16StateKeepsFeatureValuesBeyondTheInt8Range() {
        List<Tensor> t = List.of(
                new Tensor(0, "in", Shape.of(1, 2), DType.INT8, QuantParams.perTensor(0.5f, 2), null, false),
                new Tensor(1, "wf", Shape.of(2, 2), DType.INT8, QuantParams.perTensor(2f, 0),
                        new byte[] {1, 2, -1, 3}, false),
                new Tensor(2, "wt", Shape.of(2, 2), DType.INT16, QuantParams.perTensor(1f, 0),
                        new byte[] {1, 0, 2, 0, -1, -1, 1, 0}, false),
                new Tensor(3, "b", Shape.of(2), DType.INT32, QuantParams.perTensor(1f, 0),
                        new byte[] {14, 0, 0, 0, -21, -1, -1, -1}, false),
                new Tensor(4, "state", Shape.of(1, 4), DType.INT16, QuantParams.perTensor(1f, 0), null, true),
                new Tensor(5, "out", Shape.of(1, 2), DType.INT8, QuantParams.perTensor(8f, -4), null, false));
        Operator op = new Operator(0, OpType.SVDF, new int[] {0, 1, 2, 3, 4}, new int[] {5},
                new SvdfOptions(1, Activation.RELU, false), new int[0]);
        Graph g = new Graph("tiny16", t, List.of(op), new int[] {0}, new int[] {5}, "0");
        SvdfKernel k = new SvdfKernel();
        SvdfParams p = k.prepare(g, op, PrepareContext.DEFAULT);
        TensorStore s = new TensorStore(g);
        s.bytes(0)[0] = 127; // input - zp = 125
        s.bytes(0)[1] = -128; // input - zp = -130
        k.eval(p, s);
        // feature: filter0 = 125 - 260 = -135; filter1 = -125 - 390 = -515 (both beyond int8)
        assertEquals(-135, s.int16(4, 1));
        assertEquals(-515, s.int16(4, 3));
        assertEquals(0, s.int16(4, 0));
        // time: filter0 = 2 * -135 = -270, + 14 = -256, / 8 = -32, - 4 = -36
        //       filter1 = 1 * -515 = -515, - 21 = -536, / 8 = -67, - 4 = -71
        assertArrayEquals(new byte[] {-36, -71}, s.bytes(5));
    }

    /** input[1,2] zp 2, wf[2,2] = {1,2,-1,3}, wt[2,2] = {1,2,-1,1}, bias {10,-20}, state[1,4], out[1,2]. */
    private static Graph tiny(float sIn, int inZp, float sWf, float sWt, float sState, float sOut, float sBias,
            int stateZp, int outZp) {
        List<Tensor> t = List.of(
                new Tensor(0, "in", Shape.of(1, 2), DType.INT8, QuantParams.perTensor(sIn, inZp), null, false),
                new Tensor(1, "wf", Shape.of(2, 2), DType.INT8, QuantParams.perTensor(sWf * 2, 0),
                        new byte[] {1, 2, -1, 3}, false),
                new Tensor(2, "wt", Shape.of(2, 2), DType.INT8, QuantParams.perTensor(sWt, 0),
                        new byte[] {1, 2, -1, 1}, false),
                new Tensor(3, "b", Shape.of(2), DType.INT32, QuantParams.perTensor(sBias, 0),
                        new byte[] {10, 0, 0, 0, -20, -1, -1, -1}, false),
                new Tensor(4, "state", Shape.of(1, 4), DType.INT8, QuantParams.perTensor(sState, stateZp), null,
                        true),
                new Tensor(5, "out", Shape.of(1, 2), DType.INT8, QuantParams.perTensor(sOut, outZp), null, false));
        Operator op = new Operator(0, OpType.SVDF, new int[] {0, 1, 2, 3, 4}, new int[] {5},
                new SvdfOptions(1, Activation.RELU, false), new int[0]);
        return new Graph("tiny", t, List.of(op), new int[] {0}, new int[] {5}, "0");
    }
}
