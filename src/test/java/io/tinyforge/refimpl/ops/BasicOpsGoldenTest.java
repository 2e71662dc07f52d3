package io.tinyforge.refimpl.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tinyforge.ir.OpType;
import io.tinyforge.refimpl.OpKernel;
import io.tinyforge.testing.LayerGoldens;
import io.tinyforge.testing.SharedModels;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The basic operators of the shared real models, each run alone on TFLM's intermediates, byte for byte. */
class BasicOpsGoldenTest {

    @Test
    void simpleAddWithDifferentInputScalesMatchesTflm() {
        SharedModels.require();
        assertEquals(1, LayerGoldens.check("tflm_simple_add_int8", Set.of(OpType.ADD),
                Map.<OpType, OpKernel<?>>of(OpType.ADD, new AddKernel())));
    }

    @Test
    void kwsAveragePoolMatchesTflm() {
        SharedModels.require();
        assertEquals(1, LayerGoldens.check("mlperf_tiny_kws_ref_int8", Set.of(OpType.AVERAGE_POOL_2D),
                Map.<OpType, OpKernel<?>>of(OpType.AVERAGE_POOL_2D, new AveragePool2DKernel())));
    }

    @Test
    void vwwAveragePoolMatchesTflm() {
        SharedModels.require();
        assertEquals(1, LayerGoldens.check("mlperf_tiny_vww_96_int8", Set.of(OpType.AVERAGE_POOL_2D),
                Map.<OpType, OpKernel<?>>of(OpType.AVERAGE_POOL_2D, new AveragePool2DKernel())));
    }

    @Test
    void keywordQuantizeInt16ToInt8AndInt16ToInt32MatchTflm() {
        SharedModels.require();
        assertEquals(2, LayerGoldens.check("tflm_keyword_scrambled_8bit", Set.of(OpType.QUANTIZE),
                Map.<OpType, OpKernel<?>>of(OpType.QUANTIZE, new QuantizeKernel())));
    }
}
