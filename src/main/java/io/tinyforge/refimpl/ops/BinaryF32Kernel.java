package io.tinyforge.refimpl.ops;

import io.tinyforge.ir.ActivationOptions;
import io.tinyforge.ir.DType;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.OpType;
import io.tinyforge.ir.Tensor;
import io.tinyforge.refimpl.OpKernel;
import io.tinyforge.refimpl.PrepareContext;
import io.tinyforge.refimpl.TensorStore;

/**
 * float32 ADD / MUL (one instance per operator type), as TFLite's reference float kernels: each output element,
 * in output order, is {@code clamp(a + b)} or {@code clamp(a * b)}; broadcasting follows {@link BroadcastPlan}.
 * C twins: {@code tfg_add_f32.c}, {@code tfg_mul_f32.c}.
 */
public final class BinaryF32Kernel implements OpKernel<BinaryF32Params> {
    private final OpType type;

    public BinaryF32Kernel(OpType type) {
        this.type = type;
    }

    @Override
    public BinaryF32Params prepare(Graph g, Operator op, PrepareContext ctx) {
        BasicChecks.arity(op, 2, 2);
        Tensor a = FloatSupport.require(g, op, op.input(0), "input 1", DType.FLOAT32);
        Tensor b = FloatSupport.require(g, op, op.input(1), "input 2", DType.FLOAT32);
        Tensor out = FloatSupport.require(g, op, op.output(0), "output", DType.FLOAT32);
        BroadcastPlan plan = BroadcastPlan.of(op, a.shape(), b.shape(), out.shape(), 6);
        float[] act = FloatSupport.range(op, op.options() instanceof ActivationOptions o ? o.activation()
                : io.tinyforge.ir.Activation.NONE);
        return new BinaryF32Params(op, type, a.index(), b.index(), out.index(), plan, act[0], act[1]);
    }

    @Override
    public void eval(BinaryF32Params p, TensorStore store) {
        float[] a = FloatSupport.read(store, p.input1());
        float[] b = FloatSupport.read(store, p.input2());
        BroadcastPlan q = p.plan();
        int[] d = q.dims();
        int[] s1 = q.strides1();
        int[] s2 = q.strides2();
        float[] y = new float[q.size()];
        boolean add = p.function() == OpType.ADD;
        int o = 0;
        int[] i = new int[6];
        for (i[0] = 0; i[0] < d[0]; i[0]++) {
            for (i[1] = 0; i[1] < d[1]; i[1]++) {
                for (i[2] = 0; i[2] < d[2]; i[2]++) {
                    for (i[3] = 0; i[3] < d[3]; i[3]++) {
                        for (i[4] = 0; i[4] < d[4]; i[4]++) {
                            for (i[5] = 0; i[5] < d[5]; i[5]++) {
                                int ia = 0;
                                int ib = 0;
                                for (int k = 0; k < 6; k++) {
                                    ia += i[k] * s1[k];
                                    ib += i[k] * s2[k];
                                }
                                float v = add ? a[ia] + b[ib] : a[ia] * b[ib];
                                y[o++] = FloatSupport.clamp(v, p.actMin(), p.actMax());
                            }
                        }
                    }
                }
            }
        }
        FloatSupport.write(store, p.output(), y);
    }
}
