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
 * then share one buffer whose lifetime is the union of theirs. An operator chosen to run in place (see
 * {@link InPlaceRules}) keeps separate buffers for its input and output but puts them in one in-place group
 * ({@link BufferRequest#group()}): same offset, bytes shared; allowed when the input's buffer dies at that
 * operator, is not a graph input or state, and the output's buffer starts there.
 */
public final class Lifetimes {
    private final List<BufferRequest> buffers;
    private final int[] tensorBuffer;
    private final int[] scratchBuffer;
    private final int steps;
    private final java.util.SortedMap<Integer, InPlace> inPlace;
    private final java.util.SortedSet<Integer> candidates;

    private Lifetimes(List<BufferRequest> buffers, int[] tensorBuffer, int[] scratchBuffer, int steps,
            java.util.SortedMap<Integer, InPlace> inPlace, java.util.SortedSet<Integer> candidates) {
        this.buffers = List.copyOf(buffers);
        this.tensorBuffer = tensorBuffer;
        this.scratchBuffer = scratchBuffer;
        this.steps = steps;
        this.inPlace = java.util.Collections.unmodifiableSortedMap(inPlace);
        this.candidates = java.util.Collections.unmodifiableSortedSet(candidates);
    }

    /** Computes the buffers of {@code model}, every operator out of place. */
    public static Lifetimes of(PreparedModel model) {
        return of(model, java.util.Set.of());
    }

    /**
     * Computes the buffers of {@code model} with the operators of {@code inPlaceOps} in place; operators whose
     * rule or lifetimes do not allow it are left out of place.
     */
    public static Lifetimes of(PreparedModel model, java.util.Set<Integer> inPlaceOps) {
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
        java.util.SortedSet<Integer> candidates = new java.util.TreeSet<>();
        java.util.SortedMap<Integer, InPlace> chosen = new java.util.TreeMap<>();
        int[] groupOf = new int[buffers.size()];
        for (int b = 0; b < groupOf.length; b++) {
            groupOf[b] = b;
        }
        for (int i = 0; i < nops; i++) {
            InPlace ip = InPlaceRules.of(model.ops().get(i).params(), g);
            if (ip == null) {
                continue;
            }
            int bi = tensorBuffer[ip.input()];
            int bo = tensorBuffer[ip.output()];
            Tensor ti = g.tensor(ip.input());
            boolean ok = bi >= 0 && bo >= 0 && bi != bo && !ti.isConstant() && !ti.variable()
                    && !isInput(g, ip.input()) && buffers.get(bi).last() == i && buffers.get(bo).first() == i
                    && !g.tensor(ip.output()).variable();
            if (!ok) {
                continue;
            }
            candidates.add(i);
            if (inPlaceOps.contains(i)) {
                chosen.put(i, ip);
                groupOf[find(groupOf, bo)] = find(groupOf, bi);
            }
        }
        int[] members = new int[buffers.size()];
        for (int b = 0; b < groupOf.length; b++) {
            members[find(groupOf, b)]++;
        }
        for (int b = 0; b < groupOf.length; b++) {
            int r = find(groupOf, b);
            if (members[r] > 1) {
                BufferRequest q = buffers.get(b);
                buffers.set(b, new BufferRequest(q.label(), q.size(), q.first(), q.last(), r));
            }
        }
        int[] scratchBuffer = new int[nops];
        Arrays.fill(scratchBuffer, -1);
        for (int i = 0; i < nops; i++) {
            PreparedOp<?> op = model.ops().get(i);
            OpParams p = op.params();
            InPlace ip = chosen.get(i);
            long bytes = ip != null ? ip.scratchBytes() : p.scratchBytes();
            if (bytes > 0) {
                scratchBuffer[i] = buffers.size();
                buffers.add(new BufferRequest("scratch op" + i + " " + p.op().type() + (ip != null ? " in place" : ""),
                        bytes, i, i));
            }
        }
        return new Lifetimes(buffers, tensorBuffer, scratchBuffer, last + 1, chosen, candidates);
    }

    /** The operators running in place, by step, with how. */
    public java.util.SortedMap<Integer, InPlace> inPlaceOps() {
        return inPlace;
    }

    /** How operator step {@code op} runs in place, or null when it does not. */
    public InPlace inPlace(int op) {
        return inPlace.get(op);
    }

    /** The operator steps that could run in place (rule and lifetimes allow it), whether chosen or not. */
    public java.util.SortedSet<Integer> inPlaceCandidates() {
        return candidates;
    }

    /**
     * No plan of these buffers can use fewer bytes than this: the largest sum over steps of the aligned sizes
     * live at that step, where the live members of one in-place group count once, by the largest of them.
     */
    public long inPlaceLowerBound() {
        long best = 0;
        for (int s = 0; s < steps; s++) {
            long live = 0;
            java.util.Map<Integer, Long> groups = new java.util.HashMap<>();
            for (BufferRequest b : buffers) {
                if (b.first() <= s && s <= b.last()) {
                    if (b.group() >= 0) {
                        groups.merge(b.group(), b.alignedSize(), Math::max);
                    } else {
                        live += b.alignedSize();
                    }
                }
            }
            for (long v : groups.values()) {
                live += v;
            }
            best = Math.max(best, live);
        }
        return best;
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

    /**
     * Without in-place operators no plan can use fewer bytes than this: the largest sum of aligned sizes live at
     * one step (in-place groups ignored).
     */
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
