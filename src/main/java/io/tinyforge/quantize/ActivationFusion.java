package io.tinyforge.quantize;

import io.tinyforge.ir.Activation;
import io.tinyforge.ir.Conv2DOptions;
import io.tinyforge.ir.DepthwiseConv2DOptions;
import io.tinyforge.ir.FullyConnectedOptions;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.OpOptions;
import io.tinyforge.ir.OpType;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Graph pass: a CONV_2D / DEPTHWISE_CONV_2D / FULLY_CONNECTED without fused activation whose output feeds
 * only a RELU or RELU6 (and is not a graph output) takes that activation as its fused one; the activation
 * op and the intermediate tensor disappear. Unused tensors are dropped and indices renumbered.
 */
public final class ActivationFusion {
    private ActivationFusion() {
    }

    public static Graph apply(Graph g) {
        int[] consumers = new int[g.tensors().size()];
        for (Operator op : g.operators()) {
            for (int t : op.inputs()) {
                if (t >= 0) {
                    consumers[t]++;
                }
            }
        }
        for (int t : g.outputs()) {
            consumers[t] += 2;
        }
        Map<Integer, Operator> producer = new HashMap<>();
        for (Operator op : g.operators()) {
            producer.put(op.output(0), op);
        }
        List<Operator> ops = new ArrayList<>(g.operators());
        boolean changed = false;
        for (int i = 0; i < ops.size(); i++) {
            Operator act = ops.get(i);
            if (act.type() != OpType.RELU && act.type() != OpType.RELU6) {
                continue;
            }
            Operator prod = producer.get(act.input(0));
            if (prod == null || consumers[act.input(0)] != 1 || !ops.contains(prod)) {
                continue;
            }
            Activation a = act.type() == OpType.RELU ? Activation.RELU : Activation.RELU6;
            OpOptions fused = withActivation(prod, a);
            if (fused == null) {
                continue;
            }
            int pi = ops.indexOf(prod);
            ops.set(pi, new Operator(prod.index(), prod.type(), prod.inputs(), act.outputs(), fused,
                    prod.intermediates()));
            producer.put(act.output(0), ops.get(pi));
            ops.remove(i);
            i--;
            changed = true;
        }
        return changed ? compact(g, ops) : g;
    }

    private static OpOptions withActivation(Operator op, Activation a) {
        OpOptions o = op.options();
        if (o instanceof Conv2DOptions c && c.activation() == Activation.NONE) {
            return new Conv2DOptions(c.padding(), c.strideW(), c.strideH(), c.dilationW(), c.dilationH(), a);
        }
        if (o instanceof DepthwiseConv2DOptions d && d.activation() == Activation.NONE) {
            return new DepthwiseConv2DOptions(d.padding(), d.strideW(), d.strideH(), d.depthMultiplier(),
                    d.dilationW(), d.dilationH(), a);
        }
        if (o instanceof FullyConnectedOptions f && f.activation() == Activation.NONE) {
            return new FullyConnectedOptions(a, f.keepNumDims(), f.asymmetricQuantizeInputs());
        }
        return null;
    }

    /** A graph of {@code ops} keeping only the tensors they or the graph's inputs/outputs use, renumbered. */
    static Graph compact(Graph g, List<Operator> ops) {
        boolean[] used = new boolean[g.tensors().size()];
        for (Operator op : ops) {
            for (int t : op.inputs()) {
                if (t >= 0) {
                    used[t] = true;
                }
            }
            for (int t : op.outputs()) {
                used[t] = true;
            }
            for (int t : op.intermediates()) {
                used[t] = true;
            }
        }
        for (int t : g.inputs()) {
            used[t] = true;
        }
        for (int t : g.outputs()) {
            used[t] = true;
        }
        int[] map = new int[used.length];
        List<Tensor> tensors = new ArrayList<>();
        for (Tensor t : g.tensors()) {
            if (used[t.index()]) {
                map[t.index()] = tensors.size();
                tensors.add(new Tensor(tensors.size(), t.name(), t.shape(), t.dtype(), t.quant(), t.data(),
                        t.variable()));
            } else {
                map[t.index()] = -1;
            }
        }
        List<Operator> out = new ArrayList<>();
        for (Operator op : ops) {
            out.add(new Operator(out.size(), op.type(), remap(op.inputs(), map), remap(op.outputs(), map),
                    op.options(), remap(op.intermediates(), map)));
        }
        return new Graph(g.name(), tensors, out, remap(g.inputs(), map), remap(g.outputs(), map), g.sha256());
    }

    private static int[] remap(int[] idx, int[] map) {
        int[] r = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            r[i] = idx[i] < 0 ? -1 : map[idx[i]];
        }
        return r;
    }
}
