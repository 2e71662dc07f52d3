package io.tinyforge.codegen.ops;

import io.tinyforge.codegen.EmitContext;
import io.tinyforge.codegen.OpCall;
import io.tinyforge.codegen.OpEmitter;
import io.tinyforge.refimpl.ops.Conv2DParams;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** CONV_2D as one {@code tfg_conv2d_gemm_s8} call (packed weights, {@link GemmWeights}) where it applies, else {@code tfg_conv2d_dsp_s8} (ungrouped, with arena scratch) or {@code tfg_conv2d_s8} call (template {@code conv_2d}); multipliers and shifts go to flash. */
public final class Conv2DEmitter implements OpEmitter<Conv2DParams> {

    @Override
    public OpCall emit(Conv2DParams p, EmitContext ctx) {
        Map<String, Object> a = new HashMap<>();
        a.put("op", p.op().index());
        a.put("input", ctx.tensor(p.input()));
        CodedSparseWeights spc = CodedSparseWeights.choose(ctx, p.op());
        SparseWeights sp = spc != null ? null : SparseWeights.choose(ctx, p.op());
        CodebookWeights cb = spc != null || sp != null ? null : CodebookWeights.choose(ctx, p.op());
        a.put("filter", spc != null ? spc.filter()
                : sp != null ? sp.filter() : cb == null ? ctx.tensor(p.filter()) : cb.filter());
        a.put("bias", ctx.tensor(p.bias()));
        a.put("output", ctx.tensor(p.output()));
        a.put("input_dims", List.of(p.batches(), p.inH(), p.inW(), p.inC()));
        a.put("filter_dims", List.of(p.outC(), p.filterH(), p.filterW(), p.filterC()));
        a.put("output_dims", List.of(p.batches(), p.outH(), p.outW(), p.outC()));
        a.put("stride_h", p.strideH());
        a.put("stride_w", p.strideW());
        a.put("dilation_h", p.dilationH());
        a.put("dilation_w", p.dilationW());
        a.put("pad_h", p.padH());
        a.put("pad_w", p.padW());
        a.put("input_offset", p.inputOffset());
        a.put("output_offset", p.outputOffset());
        a.put("multipliers", ctx.constInt32("conv_mult", p.multipliers()));
        a.put("shifts", ctx.constInt32("conv_shift", p.shifts()));
        a.put("act_min", p.actMin());
        a.put("act_max", p.actMax());
        if (spc != null) {
            return spc.call("conv_2d", a, "conv/tfg_conv2d_spc_s8.c");
        }
        if (sp != null) {
            return sp.call("conv_2d", a, "conv/tfg_conv2d_sp_s8.c");
        }
        if (cb != null) {
            return cb.call("conv_2d", a, "conv/tfg_conv2d_cb_s8.c");
        }
        if (p.groups() == 1) {
            a.put("scratch", ctx.scratch());
            GemmWeights gw = GemmWeights.conv(p, ctx.graph());
            if (gw != null) {
                a.put("filter", gw.filter(ctx, "t" + p.filter() + "_gemm"));
                a.put("channels", gw.channels(ctx, "conv_gemm"));
                a.put("zp_after", gw.zeroPointAfter());
                a.put("c31", gw.allC31() ? 1 : 0);
                return new OpCall("conv_2d_gemm", a,
                        List.of("conv/tfg_conv2d_gemm_s8.c", "conv/tfg_conv2d_gemm_block_s8.c"));
            }
            return new OpCall("conv_2d", a, List.of("conv/tfg_conv2d_s8.c", "conv/tfg_conv2d_dsp_s8.c"));
        }
        return new OpCall("conv_2d", a, List.of("conv/tfg_conv2d_s8.c"));
    }
}
