package io.tinyforge.refimpl.ops;

import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.OpType;
import io.tinyforge.refimpl.DTypeDispatchKernel;
import io.tinyforge.refimpl.DTypeDispatchKernel.Variant;
import io.tinyforge.refimpl.OpKernel;
import io.tinyforge.refimpl.OpParams;
import java.util.List;

/**
 * Builds the catalogue entries of operators that run in several dtypes: each method returns a
 * {@link DTypeDispatchKernel} whose float32 / hybrid / float16 variants are tried first (by the dtypes of the
 * activations and weights) and whose int8 kernel is the fallback, so int8 models prepare exactly as before.
 */
public final class FloatKernels {

    private FloatKernels() {
    }

    /** FULLY_CONNECTED: float32 or float16 weights → float; int8 weights with float input → hybrid; else int8. */
    public static OpKernel<OpParams> fullyConnected() {
        return new DTypeDispatchKernel(List.of(
                new Variant<>(FullyConnectedF32Params.class, FloatKernels::floatWeights, new FullyConnectedF32Kernel()),
                new Variant<>(FullyConnectedHybridParams.class, FloatKernels::hybrid, new FullyConnectedHybridKernel()),
                new Variant<>(FullyConnectedParams.class, FloatKernels::any, new FullyConnectedKernel())));
    }

    /** CONV_2D: float, hybrid or int8 as FULLY_CONNECTED. */
    public static OpKernel<OpParams> conv2d() {
        return new DTypeDispatchKernel(List.of(
                new Variant<>(Conv2DF32Params.class, FloatKernels::floatWeights, new Conv2DF32Kernel()),
                new Variant<>(Conv2DHybridParams.class, FloatKernels::hybrid, new Conv2DHybridKernel()),
                new Variant<>(Conv2DParams.class, FloatKernels::any, new Conv2DKernel())));
    }

    /** DEPTHWISE_CONV_2D: float (float32 or float16 weights) or int8. */
    public static OpKernel<OpParams> depthwiseConv2d() {
        return new DTypeDispatchKernel(List.of(
                new Variant<>(DepthwiseConv2DF32Params.class, FloatKernels::floatWeights,
                        new DepthwiseConv2DF32Kernel()),
                new Variant<>(DepthwiseConv2DParams.class, FloatKernels::any, new DepthwiseConv2DKernel())));
    }

    /** AVERAGE_POOL_2D: float32 or int8. */
    public static OpKernel<OpParams> averagePool2d() {
        return new DTypeDispatchKernel(List.of(
                new Variant<>(Pool2DF32Params.class, FloatSupport::floatInput, new Pool2DF32Kernel(false)),
                new Variant<>(AveragePool2DParams.class, FloatKernels::any, new AveragePool2DKernel())));
    }

    /** MAX_POOL_2D: float32 or int8. */
    public static OpKernel<OpParams> maxPool2d() {
        return new DTypeDispatchKernel(List.of(
                new Variant<>(Pool2DF32Params.class, FloatSupport::floatInput, new Pool2DF32Kernel(true)),
                new Variant<>(MaxPool2DParams.class, FloatKernels::any, new MaxPool2DKernel())));
    }

    /** SOFTMAX: float32 or int8. */
    public static OpKernel<OpParams> softmax() {
        return new DTypeDispatchKernel(List.of(
                new Variant<>(SoftmaxF32Params.class, FloatSupport::floatInput, new SoftmaxF32Kernel()),
                new Variant<>(SoftmaxParams.class, FloatKernels::any, new SoftmaxKernel())));
    }

    /** DEQUANTIZE: float16 → float32, or the int8/int16 kernel. */
    public static OpKernel<OpParams> dequantize() {
        return new DTypeDispatchKernel(List.of(
                new Variant<>(DequantizeF16Params.class,
                        (g, op) -> FloatSupport.inputType(g, op, 0) == DType.FLOAT16, new DequantizeF16Kernel()),
                new Variant<>(DequantizeParams.class, FloatKernels::any, new DequantizeKernel())));
    }

    /** RELU, RELU6, LOGISTIC, TANH: the float kernel for float32 input, else {@code int8}. */
    public static <P extends OpParams> OpKernel<OpParams> activation(OpType type, Class<P> int8Params,
            OpKernel<P> int8) {
        return new DTypeDispatchKernel(List.of(
                new Variant<>(ActivationF32Params.class, FloatSupport::floatInput, new ActivationF32Kernel(type)),
                new Variant<>(int8Params, FloatKernels::any, int8)));
    }

    /** ADD, MUL: the float kernel for float32 input, else {@code int8}. */
    public static <P extends OpParams> OpKernel<OpParams> binary(OpType type, Class<P> int8Params,
            OpKernel<P> int8) {
        return new DTypeDispatchKernel(List.of(
                new Variant<>(BinaryF32Params.class, FloatSupport::floatInput, new BinaryF32Kernel(type)),
                new Variant<>(int8Params, FloatKernels::any, int8)));
    }

    /** PAD, CONCATENATION, MEAN: the float kernel (int8 geometry on a shadow graph) for float32 input. */
    public static <P extends OpParams> OpKernel<OpParams> shapeOp(Class<P> int8Params, OpKernel<P> int8) {
        return new DTypeDispatchKernel(List.of(
                new Variant<>(ShapeOpF32Params.class, FloatSupport::floatInput, new ShapeOpF32Kernel(int8)),
                new Variant<>(int8Params, FloatKernels::any, int8)));
    }

    static boolean floatWeights(Graph g, Operator op) {
        DType w = FloatSupport.inputType(g, op, 1);
        return FloatSupport.floatInput(g, op) && (w == DType.FLOAT32 || w == DType.FLOAT16);
    }

    static boolean hybrid(Graph g, Operator op) {
        return FloatSupport.floatInput(g, op) && FloatSupport.inputType(g, op, 1) == DType.INT8;
    }

    static boolean any(Graph g, Operator op) {
        return true;
    }
}
