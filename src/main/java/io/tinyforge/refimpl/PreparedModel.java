package io.tinyforge.refimpl;

import io.tinyforge.ir.Graph;
import io.tinyforge.ir.Operator;
import java.util.ArrayList;
import java.util.List;

/** A graph whose every operator has been prepared once; shared by the interpreter and the code generator. */
public record PreparedModel(Graph graph, List<PreparedOp<?>> ops, PrepareContext context) {

    public PreparedModel {
        ops = List.copyOf(ops);
    }

    /** Prepares every operator of {@code graph}; fails with one line on the first unsupported one. */
    public static PreparedModel prepare(Graph graph, PrepareContext ctx) {
        List<PreparedOp<?>> ops = new ArrayList<>();
        for (Operator op : graph.operators()) {
            ops.add(prepareOne(Kernels.forOp(op), graph, op, ctx));
        }
        return new PreparedModel(graph, ops, ctx);
    }

    private static <P extends OpParams> PreparedOp<P> prepareOne(OpKernel<P> k, Graph g, Operator op,
            PrepareContext ctx) {
        return new PreparedOp<>(k, k.prepare(g, op, ctx));
    }

    public static PreparedModel prepare(Graph graph) {
        return prepare(graph, PrepareContext.DEFAULT);
    }
}
