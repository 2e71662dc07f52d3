package io.tinyforge.refimpl.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tinyforge.ir.OpType;
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
}
