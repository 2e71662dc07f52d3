package io.tinyforge.codegen.ops;

import io.tinyforge.codegen.EmitContext;
import io.tinyforge.refimpl.ops.BroadcastPlan;
import java.util.Map;

/** The element-walk arguments of ADD and MUL: size, and for a broadcast the 6-D dims and strides arrays. */
final class BroadcastArgs {

    private BroadcastArgs() {
    }

    static void put(Map<String, Object> a, BroadcastPlan plan, EmitContext ctx, String hint) {
        a.put("size", plan.size());
        a.put("broadcast", plan.broadcast());
        if (plan.broadcast()) {
            a.put("dims", ctx.constInt32(hint + "_dims", plan.dims()));
            a.put("strides1", ctx.constInt32(hint + "_strides1", plan.strides1()));
            a.put("strides2", ctx.constInt32(hint + "_strides2", plan.strides2()));
        }
    }
}
