package io.tinyforge.refimpl;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinyforge.fixtures.GraphBuilder;
import io.tinyforge.ir.Activation;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.FullyConnectedOptions;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.ModelException;
import io.tinyforge.ir.OpType;
import io.tinyforge.ir.QuantParams;
import io.tinyforge.ir.Shape;
import io.tinyforge.refimpl.ops.FullyConnectedF32Params;
import io.tinyforge.refimpl.ops.FullyConnectedHybridParams;
import io.tinyforge.refimpl.ops.FullyConnectedParams;
import org.junit.jupiter.api.Test;

/** The FULLY_CONNECTED catalogue entry picks the kernel variant by the dtypes of input and weights. */
class DTypeDispatchKernelTest {

    private static Graph fc(DType in, DType weights, Activation act) {
        GraphBuilder b = new GraphBuilder("fc");
        QuantParams q = in == DType.INT8 ? QuantParams.perTensor(0.5f, 0) : null;
        QuantParams wq = weights == DType.INT8 ? QuantParams.perTensor(0.25f, 0) : null;
        int x = b.tensor("x", Shape.of(1, 2), in, q);
        int w = b.constant("w", Shape.of(3, 2), weights, wq, new byte[6 * weights.size()]);
        int y = b.tensor("y", Shape.of(1, 3), in, q);
        b.op(OpType.FULLY_CONNECTED, new FullyConnectedOptions(act, false, false), new int[] {x, w, -1},
                new int[] {y});
        return b.inputs(x).outputs(y).build();
    }

    private static OpParams prepare(Graph g) {
        return PreparedModel.prepare(g).ops().get(0).params();
    }

    @Test
    void eachDtypeCombinationGetsItsOwnParamsRecord() {
        assertInstanceOf(FullyConnectedParams.class, prepare(fc(DType.INT8, DType.INT8, Activation.NONE)));
        FullyConnectedF32Params f = assertInstanceOf(FullyConnectedF32Params.class,
                prepare(fc(DType.FLOAT32, DType.FLOAT32, Activation.RELU)));
        assertTrue(!f.halfWeights() && f.actMin() == 0f && f.actMax() == Float.POSITIVE_INFINITY);
        assertTrue(assertInstanceOf(FullyConnectedF32Params.class,
                prepare(fc(DType.FLOAT32, DType.FLOAT16, Activation.NONE))).halfWeights());
        FullyConnectedHybridParams h = assertInstanceOf(FullyConnectedHybridParams.class,
                prepare(fc(DType.FLOAT32, DType.INT8, Activation.NONE)));
        assertTrue(h.scratchBytes() >= 2 + 4, "scratch holds the quantized row and its factor");
    }

    @Test
    void unsupportedFloatActivationIsRejectedNamingTheOperator() {
        ModelException e = assertThrows(ModelException.class,
                () -> prepare(fc(DType.FLOAT32, DType.FLOAT32, Activation.TANH)));
        assertTrue(e.getMessage().startsWith("operator 0 FULLY_CONNECTED: fused activation TANH"), e.getMessage());
    }
}
