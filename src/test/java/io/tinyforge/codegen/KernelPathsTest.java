package io.tinyforge.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which optional kernel paths the generator leaves out of a model's link. */
class KernelPathsTest {

    /** A DSP depthwise call: k x k filter over ch channels, 8x8 input, stride 1, the given padding. */
    private static OpCall depthwise(int k, int ch, int pad, String packed) {
        Map<String, Object> a = new HashMap<>();
        a.put("op", 0);
        a.put("input_dims", List.of(1, 8, 8, ch));
        a.put("filter_dims", List.of(1, k, k, ch));
        int out = 8 + 2 * pad - k + 1;
        a.put("output_dims", List.of(1, out, out, ch));
        a.put("stride_h", 1);
        a.put("stride_w", 1);
        a.put("dilation_h", 1);
        a.put("dilation_w", 1);
        a.put("pad_h", pad);
        a.put("pad_w", pad);
        a.put("packed", packed);
        a.put("requant", packed.equals("NULL") ? "NULL" : "rq");
        return new OpCall("depthwise_conv_2d", a,
                List.of("conv/tfg_depthwise_conv2d_s8.c", "conv/tfg_depthwise_conv2d_dsp_s8.c"));
    }

    private static OpCall pool(int channels, int filter) {
        Map<String, Object> a = new HashMap<>();
        a.put("op", 1);
        a.put("inH", filter);
        a.put("inW", filter);
        a.put("channels", channels);
        a.put("outH", 1);
        a.put("outW", 1);
        a.put("filterH", filter);
        a.put("filterW", filter);
        a.put("strideH", 1);
        a.put("strideW", 1);
        a.put("padH", 0);
        a.put("padW", 0);
        return new OpCall("avgpool", a, List.of("basic/tfg_avgpool_s8.c"));
    }

    @Test
    void packed3x3CallsOnFourChannelMultiplesLeaveOutFallbackAndGenericPath() {
        assertEquals(Map.of("TFG_DW_FALLBACK", 0, "TFG_DW_GENERIC", 0),
                KernelPaths.of(List.of(depthwise(3, 64, 1, "p0"), depthwise(3, 8, 0, "p1"))));
    }

    @Test
    void aCallWithoutPackedFilterKeepsTheFallback() {
        assertEquals(Map.of("TFG_DW_FALLBACK", 1, "TFG_DW_GENERIC", 0),
                KernelPaths.of(List.of(depthwise(3, 64, 1, "p0"), depthwise(3, 64, 1, "NULL"))));
    }

    @Test
    void otherFilterShapesOrChannelCountsKeepTheGenericPath() {
        assertEquals(1, KernelPaths.of(List.of(depthwise(5, 64, 2, "p"))).get("TFG_DW_GENERIC"), "5x5 filter");
        assertEquals(1, KernelPaths.of(List.of(depthwise(3, 6, 1, "p"))).get("TFG_DW_GENERIC"), "6 channels");
        assertEquals(1, KernelPaths.of(List.of(depthwise(3, 8, 3, "p"))).get("TFG_DW_GENERIC"),
                "padding 3 on a 3x3 filter: the corner windows are empty");
    }

    @Test
    void emptyWindowsAreFoundAlongAnAxis() {
        assertTrue(KernelPaths.noEmptyWindow(8, 1, 1, 1, 3, 8));
        assertFalse(KernelPaths.noEmptyWindow(10, 1, 3, 1, 3, 8), "output 0 reads inputs -3..-1");
        assertFalse(KernelPaths.noEmptyWindow(4, 4, 0, 1, 3, 10), "output 3 reads inputs 12..14");
    }

    @Test
    void averagePoolTailIsLeftOutOnlyForWholeGroupsOfFourAndSmallWindows() {
        assertEquals(Map.of("TFG_AVGPOOL_TAIL", 0), KernelPaths.of(List.of(pool(64, 5))));
        assertEquals(Map.of("TFG_AVGPOOL_TAIL", 1), KernelPaths.of(List.of(pool(64, 5), pool(6, 3))),
                "6 channels");
        assertEquals(Map.of("TFG_AVGPOOL_TAIL", 1), KernelPaths.of(List.of(pool(8, 17))), "289 taps > 256");
    }

    @Test
    void modelsWithoutTheseKernelsGetNoMacros() {
        assertEquals(Map.of(), KernelPaths.of(List.of(new OpCall("softmax", Map.of("op", 0), List.of(
                "activation/tfg_softmax_s8.c")))));
    }
}
