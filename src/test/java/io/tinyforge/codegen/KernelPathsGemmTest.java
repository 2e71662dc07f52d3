package io.tinyforge.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which paths of the GEMM convolution kernels (tfg_conv2d_gemm_s8, its block kernel) a model links. */
class KernelPathsGemmTest {

    /** A GEMM conv call: h x w x c input, kh x kw filter, given stride, padding and dilation; SAME-like output. */
    private static Map<String, Object> conv(int h, int w, int c, int kh, int kw, int stride, int pad, int dil) {
        Map<String, Object> a = new HashMap<>();
        a.put("op", 0);
        int oh = (h + 2 * pad - dil * (kh - 1) - 1) / stride + 1;
        int ow = (w + 2 * pad - dil * (kw - 1) - 1) / stride + 1;
        a.put("input_dims", List.of(1, h, w, c));
        a.put("filter_dims", List.of(8, kh, kw, c));
        a.put("output_dims", List.of(1, oh, ow, 8));
        a.put("stride_h", stride);
        a.put("stride_w", stride);
        a.put("dilation_h", dil);
        a.put("dilation_w", dil);
        a.put("pad_h", pad);
        a.put("pad_w", pad);
        a.put("zp_after", 0);
        a.put("act_min", -128);
        a.put("act_max", 127);
        a.put("c31", 1);
        return a;
    }

    private static OpCall call(Map<String, Object> a) {
        return new OpCall("conv_2d_gemm", a, List.of(KernelPaths.GEMM, KernelPaths.GEMM_BLOCK));
    }

    @Test
    void theKwsAndVwwFirstLayersAndPointwiseLayersTakeTheirPaths() {
        assertEquals(2, KernelPaths.gemmPath(conv(49, 10, 1, 10, 4, 2, 4, 1)), "KWS: 40 taps, generic gather");
        assertEquals(1, KernelPaths.gemmPath(conv(96, 96, 3, 3, 3, 2, 0, 1)), "VWW: 27 taps, small path");
        assertEquals(0, KernelPaths.gemmPath(conv(24, 24, 32, 1, 1, 1, 0, 1)), "pointwise");
        assertEquals(1, KernelPaths.gemmPath(conv(24, 24, 32, 1, 1, 2, 0, 1)), "1x1 stride 2: 32 taps");
        assertEquals(2, KernelPaths.gemmPath(conv(24, 24, 36, 1, 1, 2, 0, 1)), "1x1 stride 2: 36 taps");
        assertEquals(1, KernelPaths.gemmPath(conv(6, 6, 3, 1, 1, 1, 0, 1)), "1x1 over 3 channels (not whole groups)");
    }

    @Test
    void onlyThePathsTheCallsTakeAreLinked() {
        Map<String, Integer> kws = KernelPaths.of(List.of(call(conv(49, 10, 1, 10, 4, 2, 4, 1))));
        assertEquals(0, kws.get("TFG_GEMM_POINTWISE"));
        assertEquals(0, kws.get("TFG_GEMM_SMALL"));
        assertEquals(1, kws.get("TFG_GEMM_GENERIC"));
        assertEquals(0, kws.get("TFG_GEMM_DILATED"));
        Map<String, Integer> vww = KernelPaths.of(
                List.of(call(conv(96, 96, 3, 3, 3, 2, 0, 1)), call(conv(24, 24, 32, 1, 1, 1, 0, 1))));
        assertEquals(1, vww.get("TFG_GEMM_POINTWISE"));
        assertEquals(1, vww.get("TFG_GEMM_SMALL"));
        assertEquals(0, vww.get("TFG_GEMM_GENERIC"));
        assertEquals(0, vww.get("TFG_GEMM_DILATED"));
    }

    @Test
    void dilationMattersOnlyOnTheGenericPath() {
        assertEquals(0, KernelPaths.of(List.of(call(conv(12, 12, 2, 3, 3, 1, 2, 2)))).get("TFG_GEMM_DILATED"),
                "18 taps, dilation 2: small path");
        assertEquals(1, KernelPaths.of(List.of(call(conv(12, 12, 8, 3, 3, 1, 2, 2)))).get("TFG_GEMM_DILATED"),
                "72 taps, dilation 2: generic path");
    }

    @Test
    void theBlockGeneralPathIsLinkedForPartialBlocksOfThreeNarrowClampsZeroPointsAfterAndOtherCorrections() {
        Map<String, Object> a = conv(25, 5, 1, 1, 1, 1, 0, 1); // 125 pixels: blocks of four, then one
        assertFalse(KernelPaths.blockGeneral(a), "125 pixels, int8 clamp, c31");
        assertEquals(0, KernelPaths.of(List.of(call(a))).get("TFG_GEMM_BLOCK_GENERAL"));
        Map<String, Object> three = conv(7, 1, 1, 1, 1, 1, 0, 1);
        assertTrue(KernelPaths.blockGeneral(three), "7 pixels: a last block of three");
        Map<String, Object> clamp = new HashMap<>(a);
        clamp.put("act_min", -100);
        assertTrue(KernelPaths.blockGeneral(clamp), "clamp narrower than int8");
        Map<String, Object> zp = new HashMap<>(a);
        zp.put("zp_after", -5);
        assertTrue(KernelPaths.blockGeneral(zp), "zero point after the shift");
        Map<String, Object> c32 = new HashMap<>(a);
        c32.put("c31", 0);
        assertTrue(KernelPaths.blockGeneral(c32), "a correction of 32");
        Map<String, Object> inplace = new HashMap<>();
        inplace.put("pixels", 11);
        inplace.put("zp_after", 0);
        inplace.put("act_min", -128);
        inplace.put("act_max", 127);
        inplace.put("c31", 1);
        assertTrue(KernelPaths.blockGeneral(inplace), "in-place 1x1 over 11 pixels");
        inplace.put("pixels", 10);
        assertFalse(KernelPaths.blockGeneral(inplace), "in-place 1x1 over 10 pixels");
    }
}
