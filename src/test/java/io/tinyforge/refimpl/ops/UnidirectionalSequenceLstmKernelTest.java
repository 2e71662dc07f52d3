package io.tinyforge.refimpl.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinyforge.importer.TfliteImporter;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.ModelException;
import io.tinyforge.ir.OpType;
import io.tinyforge.ir.Operator;
import io.tinyforge.refimpl.PrepareContext;
import io.tinyforge.testing.SharedModels;
import java.util.List;
import io.tinyforge.testing.LayerGoldens;
import io.tinyforge.testing.StateGoldens;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UnidirectionalSequenceLstmKernelTest {

    private static final String MODEL = "tflm_mnist_lstm_int8";

    @Test
    void lstmOutputOfMnistModelMatchesTflmOverAll28Steps() {
        int n = LayerGoldens.check(MODEL, Set.of(OpType.UNIDIRECTIONAL_SEQUENCE_LSTM),
                Map.of(OpType.UNIDIRECTIONAL_SEQUENCE_LSTM, new UnidirectionalSequenceLstmKernel()));
        assertEquals(1, n);
    }

    @Test
    void lstmHiddenAndCellStateAfterTheSequenceMatchTflm() {
        assertEquals(2, StateGoldens.check(MODEL, OpType.UNIDIRECTIONAL_SEQUENCE_LSTM,
                new UnidirectionalSequenceLstmKernel()));
    }

    @Test
    void macsAndScratchFollowTheMnistShapes() {
        Graph g = TfliteImporter.load(SharedModels.model(MODEL));
        UnidirectionalSequenceLstmParams p = new UnidirectionalSequenceLstmKernel().prepare(g, g.operators().get(0),
                PrepareContext.DEFAULT);
        // 28 steps x 20 cells x (4 gates x (28 inputs + 20 recurrent) + 3 element-wise products)
        assertEquals(28L * 20 * (4 * (28 + 20) + 3), p.macs());
        assertEquals(3L * 2 * 20, p.scratchBytes(), "three int16 gate vectors of 20 cells");
        assertEquals(32767, p.cellClip(), "cell clip 10 / 2^-12 saturates to int16");
    }

    @Test
    void peepholeProjectionLayerNormAndCifgAreRejectedWithOneLineEach() {
        Graph g = TfliteImporter.load(SharedModels.model(MODEL));
        assertRejected(g, 9, 12, "peephole");
        assertRejected(g, 16, 8, "projection");
        assertRejected(g, 20, 4, "layer normalization");
        assertRejected(g, 1, -1, "CIFG");
    }

    /** Sets input {@code slot} of the LSTM to tensor {@code tensor} and expects a one-line refusal. */
    private static void assertRejected(Graph g, int slot, int tensor, String what) {
        Operator op = g.operators().get(0);
        int[] ins = op.inputs();
        ins[slot] = tensor;
        Operator bad = new Operator(0, op.type(), ins, op.outputs(), op.options(), op.intermediates());
        Graph g2 = new Graph(g.name(), g.tensors(), List.of(bad), g.inputs(), new int[] {23}, g.sha256());
        ModelException e = assertThrows(ModelException.class,
                () -> new UnidirectionalSequenceLstmKernel().prepare(g2, bad, PrepareContext.DEFAULT));
        assertTrue(e.getMessage().contains(what) && !e.getMessage().contains("\n"), e.getMessage());
    }
}
