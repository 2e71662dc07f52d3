package io.tinyforge.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tinyforge.fixtures.GraphBuilder;
import io.tinyforge.host.HostBuild;
import io.tinyforge.ir.Activation;
import io.tinyforge.ir.ActivationOptions;
import io.tinyforge.ir.ConcatenationOptions;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.NoOptions;
import io.tinyforge.ir.OpType;
import io.tinyforge.ir.QuantParams;
import io.tinyforge.ir.Shape;
import io.tinyforge.memory.ArenaPlan;
import io.tinyforge.memory.Planners;
import io.tinyforge.refimpl.Interpreter;
import io.tinyforge.refimpl.PreparedModel;
import io.tinyforge.testing.Bytes;
import io.tinyforge.testing.FixtureGraphs;
import io.tinyforge.testing.NativeProgram;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Element-wise operators run in place with their ordinary kernels (output pointer = dying input's): a chain
 * CONCATENATION -> RELU -> RELU6 -> QUANTIZE (int8 -> int8) -> ADD(x, x) whose intermediates are twice the graph
 * input, generated C on the host equal to the Java reference, with every element-wise op in place.
 */
class ElementwiseInPlaceHostTest {

    @TempDir
    Path tmp;

    static Graph chain() {
        QuantParams q = QuantParams.perTensor(0.05f, -10);
        QuantParams q2 = QuantParams.perTensor(0.08f, 3);
        GraphBuilder b = new GraphBuilder("elementwise_chain");
        int in = b.tensor("input", Shape.of(1, 64), DType.INT8, q);
        int cat = b.tensor("concat", Shape.of(1, 128), DType.INT8, q);
        int relu = b.tensor("relu", Shape.of(1, 128), DType.INT8, q);
        int relu6 = b.tensor("relu6", Shape.of(1, 128), DType.INT8, q);
        int quant = b.tensor("requant", Shape.of(1, 128), DType.INT8, q2);
        int out = b.tensor("sum", Shape.of(1, 128), DType.INT8, q);
        b.op(OpType.CONCATENATION, new ConcatenationOptions(1, Activation.NONE), new int[] {in, in}, new int[] {cat});
        b.op(OpType.RELU, NoOptions.INSTANCE, new int[] {cat}, new int[] {relu});
        b.op(OpType.RELU6, NoOptions.INSTANCE, new int[] {relu}, new int[] {relu6});
        b.op(OpType.QUANTIZE, NoOptions.INSTANCE, new int[] {relu6}, new int[] {quant});
        b.op(OpType.ADD, new ActivationOptions(Activation.NONE), new int[] {quant, quant}, new int[] {out});
        return b.inputs(in).outputs(out).build();
    }

    @Test
    void elementwiseChainInPlaceEqualsJavaReference() {
        assumeTrue(NativeProgram.available("gcc"), "skipped: gcc not installed");
        Graph g = chain();
        PreparedModel m = PreparedModel.prepare(g);
        ArenaPlan plan = ArenaPlan.of(m, Planners.defaultPlanner());
        assertEquals(new TreeSet<>(Set.of(1, 2, 3, 4)), new TreeSet<>(plan.lifetimes().inPlaceOps().keySet()),
                "RELU, RELU6, QUANTIZE and ADD in place");
        assertTrue(plan.arenaBytes() < plan.lowerBound(), plan.arenaBytes() + " vs " + plan.lowerBound());
        GeneratorOptions opt = new GeneratorOptions("elementwise_chain", "ElementwiseInPlaceHostTest");
        GeneratedModel gm = CodeGenerator.generate(m, opt, tmp.resolve("gen"));
        byte[] records = FixtureGraphs.randomRecords(g, 8, 42);
        Interpreter it = new Interpreter(m);
        int in = (int) g.inputRecordBytes();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int off = 0; off < records.length; off += in) {
            expected.writeBytes(it.run(Arrays.copyOfRange(records, off, off + in)));
        }
        byte[] actual = HostBuild.compile(gm.dir(), CodeGenerator.harness(m, opt), tmp.resolve("build")).run(records);
        Bytes.assertSame("elementwise chain in place, host C vs Java", expected.toByteArray(), actual, 1);
    }
}
