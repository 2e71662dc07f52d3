package io.tinyforge.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.NoOptions;
import io.tinyforge.ir.OpType;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.ReshapeOptions;
import io.tinyforge.ir.Shape;
import io.tinyforge.ir.Tensor;
import io.tinyforge.refimpl.OpKernel;
import io.tinyforge.refimpl.OpParams;
import io.tinyforge.refimpl.PrepareContext;
import io.tinyforge.refimpl.PreparedModel;
import io.tinyforge.refimpl.PreparedOp;
import io.tinyforge.refimpl.TensorStore;
import io.tinyforge.testing.FixtureGraphs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LifetimesTest {

    /** Params of a made-up operator with a given scratch size. */
    record FakeParams(Operator op, long scratchBytes) implements OpParams {
    }

    /** A kernel that only exists to carry FakeParams into a PreparedModel. */
    static final class FakeKernel implements OpKernel<FakeParams> {
        @Override
        public FakeParams prepare(Graph graph, Operator op, PrepareContext ctx) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void eval(FakeParams params, TensorStore store) {
        }
    }

    private static Tensor act(int i, int bytes) {
        return new Tensor(i, "t" + i, Shape.of(bytes), DType.INT8, null, null, false);
    }

    @Test
    void reshapeChainSharesTheDyingMiddleTensorWithTheOutput() {
        Lifetimes l = Lifetimes.of(PreparedModel.prepare(FixtureGraphs.reshapeChain()));
        assertEquals(2, l.buffers().size(), l.buffers().toString());
        assertEquals(l.bufferOfTensor(1), l.bufferOfTensor(2), "middle and output share a buffer");
        assertNotEquals(l.bufferOfTensor(0), l.bufferOfTensor(1), "the graph input is never aliased");
        assertEquals(-1, l.bufferOfTensor(3), "the constant shape tensor needs no arena");
        BufferRequest shared = l.buffers().get(l.bufferOfTensor(2));
        assertEquals(0, shared.first());
        assertEquals(1, shared.last());
        assertEquals(64, l.lowerBound(), "input and middle are both live at step 0 (2 x 32 aligned bytes)");
    }

    @Test
    void aReshapeWhoseInputIsReadLaterCopiesInsteadOfAliasing() {
        // in -R0-> mid; mid -R1-> a; mid -R2-> b: at R1 mid is still needed by R2, at R2 it dies
        List<Tensor> ts = List.of(act(0, 16), act(1, 16), act(2, 16), act(3, 16));
        List<Operator> ops = new ArrayList<>();
        ops.add(reshape(0, 0, 1));
        ops.add(reshape(1, 1, 2));
        ops.add(reshape(2, 1, 3));
        Graph g = new Graph("fan", ts, ops, new int[] {0}, new int[] {2, 3}, "00");
        Lifetimes l = Lifetimes.of(PreparedModel.prepare(g));
        assertNotEquals(l.bufferOfTensor(1), l.bufferOfTensor(2), "R1 must copy");
        assertEquals(l.bufferOfTensor(1), l.bufferOfTensor(3), "R2 runs in place");
        assertEquals(3, l.buffers().size());
    }

    private static Operator reshape(int index, int in, int out) {
        return new Operator(index, OpType.RESHAPE, new int[] {in}, new int[] {out},
                new ReshapeOptions(new int[] {16}), new int[0]);
    }

    @Test
    void inputsLiveFromTheStartOutputsToTheEndStateAlwaysScratchDuringItsOperator() {
        // t0 input read by op2 only; t1 written by op0, output; t2 state read by op1; t3 written op1, read op2
        Tensor state = new Tensor(2, "state", Shape.of(32), DType.INT16, null, null, true);
        List<Tensor> ts = List.of(act(0, 8), act(1, 8), state, act(3, 40), act(4, 8));
        List<Operator> ops = List.of(
                new Operator(0, OpType.ADD, new int[] {4}, new int[] {1}, NoOptions.INSTANCE, new int[0]),
                new Operator(1, OpType.ADD, new int[] {2}, new int[] {3}, NoOptions.INSTANCE, new int[0]),
                new Operator(2, OpType.ADD, new int[] {0, 3}, new int[] {4}, NoOptions.INSTANCE, new int[0]),
                new Operator(3, OpType.ADD, new int[] {4}, new int[] {}, NoOptions.INSTANCE, new int[0]));
        Graph g = new Graph("life", ts, ops, new int[] {0}, new int[] {1}, "00");
        FakeKernel k = new FakeKernel();
        List<PreparedOp<?>> prepared = new ArrayList<>();
        long[] scratch = {0, 100, 0, 0};
        for (Operator op : ops) {
            prepared.add(new PreparedOp<>(k, new FakeParams(op, scratch[op.index()])));
        }
        Lifetimes l = Lifetimes.of(new PreparedModel(g, prepared, PrepareContext.DEFAULT));
        assertLife(l, 0, 0, 2);  // graph input: from step 0 to its last reader
        assertLife(l, 1, 0, 3);  // graph output: from its writer to the end
        assertLife(l, 2, 0, 3);  // state: the whole program
        assertLife(l, 3, 1, 2);
        assertLife(l, 4, 0, 3);  // written at 2 but read at 0 and 3: first to last use
        BufferRequest s = l.buffers().get(l.scratchOfOp(1));
        assertEquals(1, s.first());
        assertEquals(1, s.last());
        assertEquals(100, s.size());
        assertEquals(-1, l.scratchOfOp(0));
        // step 1: t0(16) t1(16) state(64) t3(48) t4(16) scratch(112) = 272
        assertEquals(272, l.lowerBound());
    }

    private static void assertLife(Lifetimes l, int tensor, int first, int last) {
        BufferRequest b = l.buffers().get(l.bufferOfTensor(tensor));
        assertEquals(first, b.first(), "first use of t" + tensor);
        assertEquals(last, b.last(), "last use of t" + tensor);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("io.tinyforge.testing.SharedModels#int8Models")
    void everyPlannerIsValidOnTheSharedModelsAndBestIsNeverWorseThanGreedy(String model) {
        PreparedModel m = PreparedModel.prepare(
                io.tinyforge.importer.TfliteImporter.load(io.tinyforge.testing.SharedModels.model(model)));
        long lower = Lifetimes.of(m).lowerBound();
        for (MemoryPlanner p : Planners.all()) {
            ArenaPlan a = ArenaPlan.of(m, p); // checks for overlaps
            org.junit.jupiter.api.Assertions.assertTrue(a.arenaBytes() >= a.inPlaceLowerBound(), model + " " + p.name());
            ArenaPlan out = ArenaPlan.of(m, p, false);
            org.junit.jupiter.api.Assertions.assertTrue(out.arenaBytes() >= lower, model + " " + p.name());
            org.junit.jupiter.api.Assertions.assertTrue(a.arenaBytes() <= out.arenaBytes(), model + " " + p.name());
        }
        org.junit.jupiter.api.Assertions.assertTrue(ArenaPlan.of(m, Planners.byName("best")).arenaBytes()
                <= ArenaPlan.of(m, Planners.byName("greedy")).arenaBytes(), model);
    }

    @Test
    void arenaPlanPutsNoTwoLiveBuffersTogetherForEveryPlanner() {
        PreparedModel m = PreparedModel.prepare(FixtureGraphs.reshapeChain());
        for (MemoryPlanner p : Planners.all()) {
            ArenaPlan a = ArenaPlan.of(m, p);
            assertEquals(a.tensorOffset(1), a.tensorOffset(2), p.name());
            assertNotEquals(a.tensorOffset(0), a.tensorOffset(1), p.name());
        }
    }
}
