package io.tinyforge.codegen.ops;

import io.tinyforge.codegen.EmitContext;
import io.tinyforge.codegen.OpCall;
import io.tinyforge.codegen.OpEmitter;
import io.tinyforge.refimpl.ops.FullyConnectedParams;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * FULLY_CONNECTED as one {@code tfg_fully_connected_gemm_s8} call (packed weights, {@link GemmWeights}) where
 * it applies, else one {@code tfg_fully_connected_dsp_s8} call (template {@code fully_connected}). Per-tensor
 * weights pass one-element multiplier/shift arrays with {@code per_channel = 0}.
 */
public final class FullyConnectedEmitter implements OpEmitter<FullyConnectedParams> {

    @Override
    public OpCall emit(FullyConnectedParams p, EmitContext ctx) {
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
        a.put("batches", p.batches());
        a.put("accum_depth", p.accumDepth());
        a.put("out_depth", p.outDepth());
        a.put("input_offset", p.inputOffset());
        a.put("filter_offset", p.filterOffset());
        a.put("output_offset", p.outputOffset());
        a.put("multipliers", ctx.constInt32("fc_mult", p.multipliers()));
        a.put("shifts", ctx.constInt32("fc_shift", p.shifts()));
        a.put("per_channel", p.perChannel() ? 1 : 0);
        a.put("act_min", p.actMin());
        a.put("act_max", p.actMax());
        if (spc != null) {
            return spc.call("fully_connected", a, "conv/tfg_fully_connected_spc_s8.c");
        }
        if (sp != null) {
            return sp.call("fully_connected", a, "conv/tfg_fully_connected_sp_s8.c");
        }
        if (cb != null) {
            return cb.call("fully_connected", a, "conv/tfg_fully_connected_cb_s8.c");
        }
        GemmWeights gw = GemmWeights.fullyConnected(p, ctx.graph());
        if (gw != null && p.scratchBytes() > 0) {
            a.put("filter", gw.filter(ctx, "t" + p.filter() + "_gemm"));
            a.put("channels", gw.channels(ctx, "fc_gemm"));
            a.put("zp_after", gw.zeroPointAfter());
            a.put("scratch", ctx.scratch());
            return new OpCall("fully_connected_gemm", a, List.of("conv/tfg_fully_connected_gemm_s8.c"));
        }
        return new OpCall("fully_connected", a,
                List.of("conv/tfg_fully_connected_s8.c", "conv/tfg_fully_connected_dsp_s8.c"));
    }
}
