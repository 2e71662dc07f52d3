package io.tinyforge.refimpl.ops;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinyforge.ir.OpType;
import io.tinyforge.testing.LayerGoldens;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SOFTMAX of every real model that has one, byte for byte against TFLM's vector-0 intermediates. */
class SoftmaxGoldenTest {

    @ParameterizedTest
    @ValueSource(strings = {"mlperf_tiny_kws_ref_int8", "mlperf_tiny_vww_96_int8", "mlperf_tiny_str_ww_int8",
        "tflm_micro_speech_int8", "tflm_mnist_lstm_int8", "tflm_keyword_scrambled_8bit"})
    void softmaxMatchesTflmIntermediates(String model) {
        int checked = LayerGoldens.check(model, Set.of(OpType.SOFTMAX), Map.of(OpType.SOFTMAX, new SoftmaxKernel()));
        assertTrue(checked >= 1, model + ": no SOFTMAX operator checked");
    }
}
