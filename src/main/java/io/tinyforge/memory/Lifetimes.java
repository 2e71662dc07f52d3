package io.tinyforge.memory;

import io.tinyforge.ir.Graph;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.Tensor;
import io.tinyforge.refimpl.AliasesInput;
import io.tinyforge.refimpl.OpParams;
import io.tinyforge.refimpl.PreparedModel;
import io.tinyforge.refimpl.PreparedOp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The buffers a prepared model needs in its arena and when each is live, in operator steps. Rules: a
 * non-constant tensor lives from the first to the last operator that reads or writes it; graph inputs live
 * from step 0 and graph outputs to the last step; variable (state) tensors live for the whole program, so
 * they never share memory; each operator's scratch lives during that operator only. An operator whose
 * params implement {@link AliasesInput} (RESHAPE) puts its output in its input's buffer when that input is
 * an activation (not a graph input or output, not a state tensor) that no later operator reads; the tensors
 * then share one buffer whose lifetime is the union of theirs.
 */
public final class Lifetimes {
    private final List<BufferRequest> buffers;
    private final int[] tensorBuffer;
    private final int[] scratchBuffer;
    private final int steps;

    private Lifetimes(List<BufferRequest> buffers, int[] tensorBuffer, int[] scratchBuffer, int steps) {
        this.buffers = List.copyOf(buffers);
        this.tensorBuffer = tensorBuffer;
        this.scratchBuffer = scratchBuffer;
        this.steps = steps;
    }

    /** Computes the buffers of {@code model}. */
    public static Lifetimes of(PreparedModel model) {
        Graph g = model.graph();
        int nt = g.tensors().size();
        int nops = model.ops().size();
        int last = Math.max(nops, 1) - 1;
        int[] first = new int[nt];
        int[] lastUse = new int[nt];
        Arrays.fill(first, Integer.MAX_VALUE);
        Arrays.fill(lastUse, -1);
        for (int i = 0; i < nops; i++) {
            Operator op = model.ops().get(i).params().op();
            for (int t : op.inputs()) {
                touch(g, t, i, first, lastUse);
            }
            for (int t : op.outputs()) {
                touch(g, t, i, first, lastUse);
            }
        }
        boolean[] boundary = new boolean[nt];
        for (int t : g.inputs()) {
            boundary[t] = true;
            first[t] = 0;
            lastUse[t] = Math.max(lastUse[t], 0);
        }
        for (int t : g.outputs()) {
            boundary[t] = true;
            first[t] = Math.min(first[t], last);
            lastUse[t] = last;
        }
        for (Tensor t : g.tensors()) {
            if (t.variable() && !t.isConstant()) {
                first[t.index()] = 0;
                lastUse[t.index()] = last;
            }
        }
        int[] root = new int[nt];
        for (int t = 0; t < nt; t++) {
            root[t] = t;
        }
        for (int i = 0; i < nops; i++) {
            if (model.ops().get(i).params() instanceof AliasesInput a) {
                int in = a.aliasedInput();
                int out = a.aliasedOutput();
                Tensor ti = g.tensor(in);
                Tensor to = g.tensor(out);
                boolean inIsActivation = !ti.isConstant() && !ti.variable() && !boundary[in];
                boolean outIsPlain = !to.isConstant() && !to.variable() && first[out] == i
                        && !isInput(g, out);
                if (inIsActivation && outIsPlain && lastUse[in] == i && ti.bytes() == to.bytes()) {
                    root[out] = find(root, in);
                }
            }
        }
        List<BufferRequest> buffers = new ArrayList<>();
        int[] tensorBuffer = new int[nt];
        Arrays.fill(tensorBuffer, -1);
        int[] groupFirst = first.clone();
        int[] groupLast = lastUse.clone();
        long[] groupSize = new long[nt];
        for (int t = 0; t < nt; t++) {
            if (lastUse[t] >= 0) {
                int r = find(root, t);
                groupFirst[r] = Math.min(groupFirst[r], first[t]);
                groupLast[r] = Math.max(groupLast[r], lastUse[t]);
                groupSize[r] = Math.max(groupSize[r], g.tensor(t).bytes());
            }
        }
        for (int t = 0; t < nt; t++) {
            if (lastUse[t] < 0) {
                continue;
            }
            int r = find(root, t);
            if (tensorBuffer[r] < 0) {
                Tensor tr = g.tensor(r);
                tensorBuffer[r] = buffers.size();
                buffers.add(new BufferRequest("t" + r + " '" + tr.name() + "'", groupSize[r], groupFirst[r],
                        groupLast[r]));
            }
            tensorBuffer[t] = tensorBuffer[r];
        }
        int[] scratchBuffer = new int[nops];
        Arrays.fill(scratchBuffer, -1);
        for (int i = 0; i < nops; i++) {
            PreparedOp<?> op = model.ops().get(i);
            OpParams p = op.params();
            if (p.scratchBytes() > 0) {
                scratchBuffer[i] = buffers.size();
                buffers.add(new BufferRequest("scratch op" + i + " " + p.op().type(), p.scratchBytes(), i, i));
            }
        }
        return new Lifetimes(buffers, tensorBuffer, scratchBuffer, last + 1);
    }

    private static boolean isInput(Graph g, int t) {
        for (int i : g.inputs()) {
            if (i == t) {
                return true;
            }
        }
        return false;
    }

    private static void touch(Graph g, int t, int step, int[] first, int[] last) {
        if (t < 0 || g.tensor(t).isConstant()) {
            return;
        }
        first[t] = Math.min(first[t], step);
        last[t] = Math.max(last[t], step);
    }

    private static int find(int[] root, int t) {
        while (root[t] != t) {
            t = root[t];
        }
        return t;
    }

    /** The buffers to plan, tensors first (by tensor index) then scratch (by operator). */
    public List<BufferRequest> buffers() {
        return buffers;
    }

    /** The buffer holding tensor {@code t}, or -1 when it has none (constants, unused tensors). */
    public int bufferOfTensor(int t) {
        return t >= 0 && t < tensorBuffer.length ? tensorBuffer[t] : -1;
    }

    /** The scratch buffer of operator step {@code op}, or -1 when it needs none. */
    public int scratchOfOp(int op) {
        return scratchBuffer[op];
    }

    /** Number of operator steps (at least 1). */
    public int steps() {
        return steps;
    }

    /** No plan can use fewer bytes than this: the largest sum of aligned sizes live at one step. */
    public long lowerBound() {
        return lowerBound(buffers);
    }

    /** The largest sum, over steps, of the aligned sizes of the buffers live at that step. */
    public static long lowerBound(List<BufferRequest> buffers) {
        int maxStep = -1;
        for (BufferRequest b : buffers) {
            maxStep = Math.max(maxStep, b.last());
        }
        long best = 0;
        for (int s = 0; s <= maxStep; s++) {
            long live = 0;
            for (BufferRequest b : buffers) {
                if (b.first() <= s && s <= b.last()) {
                    live += b.alignedSize();
                }
            }
            best = Math.max(best, live);
        }
        return best;
    }
}
