package io.tinyforge.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** All planners on the same hand-made and random lifetime sets, checked against an exhaustive optimum. */
class PlannerTest {

    private static BufferRequest b(String label, long size, int first, int last) {
        return new BufferRequest(label, size, first, last);
    }

    @Test
    void everyPlannerGivesValidAlignedPlansNoSmallerThanTheLowerBound() {
        Random r = new Random(7);
        for (int round = 0; round < 200; round++) {
            List<BufferRequest> bufs = random(r, 1 + r.nextInt(12), 8, 1 + r.nextInt(200));
            for (MemoryPlanner p : Planners.all()) {
                MemoryPlan plan = p.plan(bufs);
                plan.check(bufs);
                assertTrue(plan.arenaBytes() >= Lifetimes.lowerBound(bufs), p.name() + " below the lower bound");
                assertEquals(0, plan.arenaBytes() % MemoryPlan.ALIGNMENT, p.name() + " arena not aligned");
            }
        }
    }

    @Test
    void greedyBreaksSizeTiesByFirstUseThenRequestOrder() {
        // three equal buffers in a chain: A and C are never live together, B overlaps both
        List<BufferRequest> chain = List.of(b("A", 32, 0, 1), b("B", 32, 1, 2), b("C", 32, 2, 3));
        MemoryPlan p = new GreedyBySizePlanner().plan(chain);
        assertArrayEquals(new long[] {0, 32, 0}, p.offsets());
        assertEquals(64, p.arenaBytes());
        // same size and same first use: request order decides, whichever request comes first gets offset 0
        List<BufferRequest> twins = List.of(b("X", 16, 0, 0), b("Y", 16, 0, 0));
        assertArrayEquals(new long[] {0, 16}, new GreedyBySizePlanner().plan(twins).offsets());
        assertArrayEquals(new long[] {0, 16},
                new GreedyBySizePlanner().plan(List.of(twins.get(1), twins.get(0))).offsets());
    }

    @Test
    void plansDoNotDependOnRequestOrderWhenThereAreNoTies() {
        Random r = new Random(11);
        for (int round = 0; round < 50; round++) {
            List<BufferRequest> bufs = new ArrayList<>();
            List<Integer> sizes = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                sizes.add(16 * (i + 1));
            }
            Collections.shuffle(sizes, r);
            for (int i = 0; i < 8; i++) {
                int first = r.nextInt(6);
                bufs.add(b("b" + i, sizes.get(i), first, first + r.nextInt(3)));
            }
            List<BufferRequest> shuffled = new ArrayList<>(bufs);
            Collections.shuffle(shuffled, r);
            for (MemoryPlanner p : List.of(new GreedyBySizePlanner())) {
                MemoryPlan a = p.plan(bufs);
                MemoryPlan s = p.plan(shuffled);
                for (int i = 0; i < bufs.size(); i++) {
                    assertEquals(a.offset(i), s.offset(shuffled.indexOf(bufs.get(i))), p.name() + " buffer " + i);
                }
                assertArrayEquals(a.offsets(), p.plan(bufs).offsets(), "same input, same plan");
            }
        }
    }

    @Test
    void greedyIsOptimalOnHandMadeCases() {
        List<List<BufferRequest>> cases = List.of(
                // a chain of activations, as in a plain CNN
                List.of(b("in", 100, 0, 0), b("c1", 50, 0, 1), b("c2", 80, 1, 2), b("out", 10, 2, 2)),
                // a residual: the skip tensor lives across two operators
                List.of(b("x", 64, 0, 2), b("y", 48, 0, 1), b("z", 48, 1, 2), b("s", 64, 2, 3)),
                // scratch during one operator beside its input and output
                List.of(b("in", 96, 0, 1), b("scratch", 32, 1, 1), b("out", 96, 1, 2), b("o2", 16, 2, 2)),
                // everything live at once: no sharing possible
                List.of(b("a", 16, 0, 3), b("b", 32, 0, 3), b("c", 48, 0, 3)));
        for (List<BufferRequest> c : cases) {
            long greedy = new GreedyBySizePlanner().plan(c).arenaBytes();
            assertEquals(Exhaustive.optimum(c), greedy, "greedy on " + c);
        }
    }

    @Test
    void greedyBySizeIsNotAlwaysOptimalButBestOfFindsTheOptimumOnThisChain() {
        // greedy puts both 64s low, then t2 (48) must go above t1 and t3: 176; first-use alternates: 128
        List<BufferRequest> chain = List.of(b("t0", 64, 0, 1), b("t1", 64, 1, 2), b("t2", 48, 2, 3),
                b("t3", 64, 3, 4), b("t4", 48, 4, 5));
        long opt = Exhaustive.optimum(chain);
        assertEquals(Lifetimes.lowerBound(chain), opt);
        assertTrue(new GreedyBySizePlanner().plan(chain).arenaBytes() > opt);
        MemoryPlan best = Planners.byName("best").plan(chain);
        best.check(chain);
        assertEquals(opt, best.arenaBytes());
    }

    @Test
    void noPlannerBeatsTheExhaustiveOptimum() {
        Random r = new Random(3);
        for (int round = 0; round < 60; round++) {
            List<BufferRequest> bufs = random(r, 2 + r.nextInt(3), 4, 48);
            long opt = Exhaustive.optimum(bufs);
            assertTrue(opt >= Lifetimes.lowerBound(bufs));
            for (MemoryPlanner p : Planners.all()) {
                assertTrue(p.plan(bufs).arenaBytes() >= opt, p.name() + " beat the exhaustive optimum?");
            }
        }
    }

    @Test
    void linearSharesNothing() {
        List<BufferRequest> bufs = List.of(b("a", 10, 0, 0), b("b", 20, 1, 1), b("c", 33, 2, 2));
        MemoryPlan p = new LinearPlanner().plan(bufs);
        assertArrayEquals(new long[] {0, 16, 48}, p.offsets());
        assertEquals(96, p.arenaBytes());
    }

    @Test
    void emptyBuffersTakeNoSpace() {
        List<BufferRequest> bufs = List.of(b("a", 0, 0, 1), b("b", 16, 0, 1));
        for (MemoryPlanner p : List.of(new GreedyBySizePlanner(), new GreedyByFirstUsePlanner())) {
            MemoryPlan plan = p.plan(bufs);
            plan.check(bufs);
            assertEquals(16, plan.arenaBytes(), p.name());
        }
    }

    private static List<BufferRequest> random(Random r, int n, int steps, int maxSize) {
        List<BufferRequest> bufs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int first = r.nextInt(steps);
            int last = first + r.nextInt(steps - first);
            bufs.add(b("b" + i, 1 + r.nextInt(maxSize), first, last));
        }
        return bufs;
    }
}
