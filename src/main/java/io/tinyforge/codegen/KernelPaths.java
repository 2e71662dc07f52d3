package io.tinyforge.codegen;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generation-time choice of the optional paths of the runtime kernels a model links: the generator knows every
 * call's shapes, so a kernel path no call takes is switched off in {@code tfg_config.h} and {@code --gc-sections}
 * drops its code. A kernel whose path was switched off but is needed after all returns {@code TFG_ERROR} (never
 * a wrong result). Macros (each defaults to 1 in its kernel when absent):
 * <ul>
 * <li>{@code TFG_DW_FALLBACK}: {@code tfg_depthwise_conv2d_dsp_s8} runs the reference depthwise kernel when a
 * call has no packed filter; 0 when every call of it has one.</li>
 * <li>{@code TFG_DW_GENERIC}: its per-tap path for filters other than 3x3, channel counts not a multiple of
 * four and windows wholly in the padding; 0 when no call has any of these.</li>
 * <li>{@code TFG_AVGPOOL_TAIL}: {@code tfg_avgpool_s8}'s channel-by-channel loop, for channel counts not a
 * multiple of four, windows of more than 256 taps (beyond the DSP path's 16-bit lanes) and empty windows; 0 when
 * no call has any of these (that kernel returns no status: the generator's check is the guarantee).</li>
 * <li>{@code TFG_GEMM_POINTWISE}, {@code TFG_GEMM_SMALL}, {@code TFG_GEMM_GENERIC}: the three paths of
 * {@code tfg_conv2d_gemm_s8} (pointwise; at most {@code TFG_GEMM_SMALL_TAPS} taps; the per-pixel gather); each 1
 * when some call takes it (the kernel's own order: pointwise, small, generic). A call whose path is out runs the
 * generic path when that is linked (same result), else returns {@code TFG_ERROR}. {@code TFG_GEMM_DILATED}: 0
 * when no call on the generic path has a dilation other than 1 (its gathers then compile for dilation 1).</li>
 * <li>{@code TFG_GEMM_BLOCK_GENERAL}: the four-lane general path of {@code tfg_conv2d_gemm_block_s8} (blocks of
 * three pixels, a clamp narrower than int8, a zero point after the shift, a correction other than 31); 0 when no
 * block of any GEMM convolution has one (such a block then runs lane by lane: same outputs).</li>
 * </ul>
 */
public final class KernelPaths {

    /** The runtime source whose paths {@code TFG_DW_*} select. */
    static final String DW_DSP = "conv/tfg_depthwise_conv2d_dsp_s8.c";

    /** The runtime source whose paths {@code TFG_GEMM_POINTWISE / SMALL / GENERIC} select. */
    static final String GEMM = "conv/tfg_conv2d_gemm_s8.c";

    /** The runtime source whose general path {@code TFG_GEMM_BLOCK_GENERAL} selects. */
    static final String GEMM_BLOCK = "conv/tfg_conv2d_gemm_block_s8.c";

    /** The kernel's TFG_GEMM_SMALL_TAPS. */
    static final int SMALL_TAPS = 32;

    /** The runtime source whose tail {@code TFG_AVGPOOL_TAIL} selects. */
    static final String AVGPOOL = "basic/tfg_avgpool_s8.c";

    private KernelPaths() {
    }

    /** Macro name → value (0 or 1) for the kernels among {@code calls}' sources; empty when none applies. */
    public static Map<String, Integer> of(List<OpCall> calls) {
        boolean dw = false;
        boolean fallback = false;
        boolean generic = false;
        boolean pool = false;
        boolean poolTail = false;
        boolean gemm = false;
        boolean pointwise = false;
        boolean small = false;
        boolean genericGemm = false;
        boolean dilated = false;
        boolean block = false;
        boolean blockGeneral = false;
        for (OpCall c : calls) {
            if (c.kernelSources().contains(GEMM_BLOCK)) {
                block = true;
                blockGeneral |= blockGeneral(c.args());
            }
            if (c.kernelSources().contains(GEMM)) {
                gemm = true;
                switch (gemmPath(c.args())) {
                case 0 -> pointwise = true;
                case 1 -> small = true;
                default -> {
                    genericGemm = true;
                    dilated |= !(c.args().get("dilation_h") instanceof Number dih) || dih.intValue() != 1
                            || !(c.args().get("dilation_w") instanceof Number diw) || diw.intValue() != 1;
                }
                }
            }
            if (c.kernelSources().contains(AVGPOOL)) {
                pool = true;
                poolTail |= !poolWithoutTail(c.args());
            }
            if (!c.kernelSources().contains(DW_DSP)) {
                continue;
            }
            dw = true;
            Object packed = c.args().get("packed");
            if (packed == null || "NULL".equals(packed) || "NULL".equals(c.args().get("requant"))) {
                fallback = true;
            } else if (!dwFast3x3(c.args())) {
                generic = true;
            }
        }
        Map<String, Integer> m = new LinkedHashMap<>();
        if (dw) {
            m.put("TFG_DW_FALLBACK", fallback ? 1 : 0);
            m.put("TFG_DW_GENERIC", generic ? 1 : 0);
        }
        if (pool) {
            m.put("TFG_AVGPOOL_TAIL", poolTail ? 1 : 0);
        }
        if (gemm) {
            m.put("TFG_GEMM_POINTWISE", pointwise ? 1 : 0);
            m.put("TFG_GEMM_SMALL", small ? 1 : 0);
            m.put("TFG_GEMM_GENERIC", genericGemm ? 1 : 0);
            m.put("TFG_GEMM_DILATED", dilated ? 1 : 0);
        }
        if (block) {
            m.put("TFG_GEMM_BLOCK_GENERAL", blockGeneral ? 1 : 0);
        }
        return m;
    }

    /** A packed depthwise call every window of which the 3x3 path handles: 3x3 filter, channels % 4 == 0, no empty window. */
    static boolean dwFast3x3(Map<String, Object> a) {
        List<?> in = (List<?>) a.get("input_dims");
        List<?> f = (List<?>) a.get("filter_dims");
        List<?> out = (List<?>) a.get("output_dims");
        if (in == null || f == null || out == null) {
            return false;
        }
        if (num(f.get(1)) != 3 || num(f.get(2)) != 3 || num(in.get(3)) % 4 != 0) {
            return false;
        }
        return noEmptyWindow(num(out.get(1)), num(a.get("stride_h")), num(a.get("pad_h")), num(a.get("dilation_h")),
                3, num(in.get(1)))
                && noEmptyWindow(num(out.get(2)), num(a.get("stride_w")), num(a.get("pad_w")),
                        num(a.get("dilation_w")), 3, num(in.get(2)));
    }

    /**
     * The path of tfg_conv2d_gemm_s8 a call takes with every path linked: 0 pointwise, 1 small receptive field,
     * 2 generic (also for a call whose arguments are not all known numbers).
     */
    static int gemmPath(Map<String, Object> a) {
        List<?> in = (List<?>) a.get("input_dims");
        List<?> f = (List<?>) a.get("filter_dims");
        List<?> out = (List<?>) a.get("output_dims");
        if (in == null || f == null || out == null) {
            return 2;
        }
        long inH = num(in.get(1));
        long inW = num(in.get(2));
        long inC = num(in.get(3));
        long fh = num(f.get(1));
        long fw = num(f.get(2));
        long k = fh * fw * num(f.get(3));
        if (k == inC && (k & 3) == 0 && num(a.get("stride_h")) == 1 && num(a.get("stride_w")) == 1
                && num(a.get("pad_h")) == 0 && num(a.get("pad_w")) == 0 && inH == num(out.get(1))
                && inW == num(out.get(2))) {
            return 0;
        }
        long groups = (k + 3) >> 2;
        long span = (num(a.get("dilation_h")) * (fh - 1) * inW + num(a.get("dilation_w")) * (fw - 1) + 1) * inC;
        return groups * 4 <= SMALL_TAPS && span <= 32767 ? 1 : 2;
    }

    /**
     * Whether some block of a GEMM convolution call needs tfg_conv2d_gemm_block_s8's general path: a last block of
     * three pixels, a clamp narrower than int8, a zero point after the shift, or a correction other than 31.
     */
    static boolean blockGeneral(Map<String, Object> a) {
        if (!(a.get("c31") instanceof Number c31) || c31.intValue() != 1 || num(a.get("zp_after")) != 0 || num(a.get("act_min")) > -128
                || num(a.get("act_max")) < 127) {
            return true;
        }
        long pixels;
        if (a.get("pixels") != null) {
            pixels = num(a.get("pixels"));
        } else {
            List<?> out = (List<?>) a.get("output_dims");
            if (out == null) {
                return true;
            }
            pixels = (long) num(out.get(0)) * num(out.get(1)) * num(out.get(2));
        }
        return pixels % 4 == 3;
    }

    /** An average pool call with channels % 4 == 0, at most 256 taps per window and no empty window. */
    static boolean poolWithoutTail(Map<String, Object> a) {
        int fh = num(a.get("filterH"));
        int fw = num(a.get("filterW"));
        return num(a.get("channels")) % 4 == 0 && (long) fh * fw <= 256
                && noEmptyWindow(num(a.get("outH")), num(a.get("strideH")), num(a.get("padH")), 1, fh, num(a.get("inH")))
                && noEmptyWindow(num(a.get("outW")), num(a.get("strideW")), num(a.get("padW")), 1, fw, num(a.get("inW")));
    }

    /** Whether every output position along one axis has at least one filter tap inside the input. */
    static boolean noEmptyWindow(int outSize, int stride, int pad, int dilation, int k, int inSize) {
        for (int o = 0; o < outSize; o++) {
            boolean any = false;
            for (int t = 0; t < k && !any; t++) {
                int i = o * stride - pad + dilation * t;
                any = i >= 0 && i < inSize;
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }

    private static int num(Object o) {
        if (o instanceof Number n) {
            return n.intValue();
        }
        throw new IllegalStateException("expected a number in a kernel call's arguments, got " + o);
    }
}
