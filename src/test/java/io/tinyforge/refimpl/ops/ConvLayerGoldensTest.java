package io.tinyforge.refimpl.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinyforge.importer.TfliteImporter;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.OpType;
import io.tinyforge.refimpl.OpKernel;
import io.tinyforge.testing.LayerGoldens;
import io.tinyforge.testing.SharedModels;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every CONV_2D, DEPTHWISE_CONV_2D and FULLY_CONNECTED of the shared models equals TFLM's output byte for byte. */
class ConvLayerGoldensTest {

    private static final Set<OpType> TYPES = Set.of(OpType.CONV_2D, OpType.DEPTHWISE_CONV_2D,
            OpType.FULLY_CONNECTED);

    private static final Map<OpType, OpKernel<?>> KERNELS = Map.of(
            OpType.CONV_2D, new Conv2DKernel(),
            OpType.DEPTHWISE_CONV_2D, new DepthwiseConv2DKernel(),
            OpType.FULLY_CONNECTED, new FullyConnectedKernel());

    @ParameterizedTest
    @ValueSource(strings = {"mlperf_tiny_kws_ref_int8", "mlperf_tiny_vww_96_int8", "mlperf_tiny_str_ww_int8",
        "mlperf_tiny_ad01_int8", "tflm_hello_world_int8", "tflm_micro_speech_int8", "tflm_keyword_scrambled_8bit",
        "tflm_mnist_lstm_int8"})
    void everyConvAndFullyConnectedLayerMatchesTflm(String model) {
        Graph g = TfliteImporter.load(SharedModels.model(model));
        long expected = g.operators().stream().filter(op -> TYPES.contains(op.type())).count();
        int checked = LayerGoldens.check(model, TYPES, KERNELS);
        System.out.println(model + ": " + checked + " conv/depthwise/fully-connected layers bit-exact");
        assertTrue(checked > 0, model + ": no layer checked");
        assertEquals(expected, checked, model + ": layers checked");
    }
}
