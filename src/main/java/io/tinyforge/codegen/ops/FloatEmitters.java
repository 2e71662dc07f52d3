package io.tinyforge.codegen.ops;

import io.tinyforge.codegen.DTypeDispatchEmitter;
import io.tinyforge.codegen.OpEmitter;
import io.tinyforge.refimpl.OpParams;
import io.tinyforge.refimpl.ops.ActivationF32Params;
import io.tinyforge.refimpl.ops.AveragePool2DParams;
import io.tinyforge.refimpl.ops.Conv2DF32Params;
import io.tinyforge.refimpl.ops.Conv2DHybridParams;
import io.tinyforge.refimpl.ops.Conv2DParams;
import io.tinyforge.refimpl.ops.DepthwiseConv2DF32Params;
import io.tinyforge.refimpl.ops.DepthwiseConv2DParams;
import io.tinyforge.refimpl.ops.DequantizeF16Params;
import io.tinyforge.refimpl.ops.DequantizeParams;
import io.tinyforge.refimpl.ops.FullyConnectedF32Params;
import io.tinyforge.refimpl.ops.FullyConnectedHybridParams;
import io.tinyforge.refimpl.ops.FullyConnectedParams;
import io.tinyforge.refimpl.ops.MaxPool2DParams;
import io.tinyforge.refimpl.ops.Pool2DF32Params;
import io.tinyforge.refimpl.ops.SoftmaxF32Params;
import io.tinyforge.refimpl.ops.SoftmaxParams;

/**
 * Catalogue entries of operators generated in several dtypes, mirroring
 * {@link io.tinyforge.refimpl.ops.FloatKernels}: each returns a {@link DTypeDispatchEmitter} that picks the
 * float32 / hybrid / float16 emitter or the original int8 one by the prepared params' class.
 */
public final class FloatEmitters {

    private FloatEmitters() {
    }

    public static OpEmitter<OpParams> fullyConnected() {
        return new DTypeDispatchEmitter()
                .with(FullyConnectedF32Params.class, new FullyConnectedF32Emitter())
                .with(FullyConnectedHybridParams.class, new FullyConnectedHybridEmitter())
                .with(FullyConnectedParams.class, new FullyConnectedEmitter());
    }

    public static OpEmitter<OpParams> conv2d() {
        return new DTypeDispatchEmitter()
                .with(Conv2DF32Params.class, new Conv2DF32Emitter())
                .with(Conv2DHybridParams.class, new Conv2DHybridEmitter())
                .with(Conv2DParams.class, new Conv2DEmitter());
    }

    public static OpEmitter<OpParams> depthwiseConv2d() {
        return new DTypeDispatchEmitter()
                .with(DepthwiseConv2DF32Params.class, new DepthwiseConv2DF32Emitter())
                .with(DepthwiseConv2DParams.class, new DepthwiseConv2DEmitter());
    }

    public static OpEmitter<OpParams> averagePool2d() {
        return new DTypeDispatchEmitter()
                .with(Pool2DF32Params.class, new Pool2DF32Emitter())
                .with(AveragePool2DParams.class, new AveragePool2DEmitter());
    }

    public static OpEmitter<OpParams> maxPool2d() {
        return new DTypeDispatchEmitter()
                .with(Pool2DF32Params.class, new Pool2DF32Emitter())
                .with(MaxPool2DParams.class, new MaxPool2DEmitter());
    }

    public static OpEmitter<OpParams> softmax() {
        return new DTypeDispatchEmitter()
                .with(SoftmaxF32Params.class, new SoftmaxF32Emitter())
                .with(SoftmaxParams.class, new SoftmaxEmitter());
    }

    public static OpEmitter<OpParams> dequantize() {
        return new DTypeDispatchEmitter()
                .with(DequantizeF16Params.class, new DequantizeF16Emitter())
                .with(DequantizeParams.class, new DequantizeEmitter());
    }

    /** ADD, MUL: the float emitter, else {@code int8}. */
    public static <P extends OpParams> OpEmitter<OpParams> binary(Class<P> int8Params, OpEmitter<P> int8) {
        return new DTypeDispatchEmitter()
                .with(io.tinyforge.refimpl.ops.BinaryF32Params.class, new BinaryF32Emitter())
                .with(int8Params, int8);
    }

    /** PAD, CONCATENATION, MEAN: the float variant renders the int8 geometry with {@code kernelSource}. */
    public static <P extends OpParams> OpEmitter<OpParams> shapeOp(Class<P> int8Params, OpEmitter<P> int8,
            String kernelSource) {
        return new DTypeDispatchEmitter()
                .with(io.tinyforge.refimpl.ops.ShapeOpF32Params.class,
                        new ShapeOpF32Emitter<>(int8Params, int8, kernelSource))
                .with(int8Params, int8);
    }

    /** RELU, RELU6, LOGISTIC, TANH: the float emitter, else {@code int8}. */
    public static <P extends OpParams> OpEmitter<OpParams> activation(Class<P> int8Params, OpEmitter<P> int8) {
        return new DTypeDispatchEmitter()
                .with(ActivationF32Params.class, new ActivationF32Emitter())
                .with(int8Params, int8);
    }
}
