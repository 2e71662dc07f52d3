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
 * </ul>
 */
public final class KernelPaths {

    /** The runtime source whose paths {@code TFG_DW_*} select. */
    static final String DW_DSP = "conv/tfg_depthwise_conv2d_dsp_s8.c";

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
        for (OpCall c : calls) {
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
