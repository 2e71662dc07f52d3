package io.tinyforge.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinyforge.importer.TfliteImporter;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.OpType;
import io.tinyforge.ir.Operator;
import io.tinyforge.refimpl.OpKernel;
import io.tinyforge.refimpl.OpParams;
import io.tinyforge.refimpl.PrepareContext;
import io.tinyforge.refimpl.TensorStore;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Checks single operators of a real model against TFLM's vector-0 intermediates: each operator of the given
 * types runs alone, its inputs taken from the golden intermediates (state tensors start at zero, as after
 * Reset()), and every output must equal TFLM's byte for byte. Lets one operator be verified before the
 * others exist.
 */
public final class LayerGoldens {
    private LayerGoldens() {
    }

    /** Returns the number of operators checked; fails naming model, operator, tensor and index. */
    public static int check(String model, Set<OpType> types, Map<OpType, OpKernel<?>> kernels) {
        Graph g = TfliteImporter.load(SharedModels.model(model));
        Golden gold = SharedModels.golden(model);
        Map<Integer, Golden.Intermediate> byTensor = new HashMap<>();
        for (Golden.Intermediate t : gold.intermediates()) {
            byTensor.put(t.tensorIndex(), t);
        }
        int checked = 0;
        for (Operator op : g.operators()) {
            if (!types.contains(op.type())) {
                continue;
            }
            TensorStore store = new TensorStore(g);
            for (int in : op.inputs()) {
                if (in >= 0 && !g.tensor(in).isConstant() && !g.tensor(in).variable()) {
                    Golden.Intermediate t = byTensor.get(in);
                    assertTrue(t != null, model + " op" + op.index() + ": no golden for input tensor " + in);
                    byte[] src = gold.intermediate(t);
                    System.arraycopy(src, 0, store.bytes(in), 0, src.length);
                }
            }
            run(kernels.get(op.type()), g, op, store);
            for (int out : op.outputs()) {
                Golden.Intermediate t = byTensor.get(out);
                assertTrue(t != null, model + " op" + op.index() + ": no golden for output tensor " + out);
                Bytes.assertSame(model + " op" + op.index() + " " + op.type() + " output tensor " + out,
                        gold.intermediate(t), store.bytes(out), g.tensor(out).dtype().size());
            }
            checked++;
        }
        return checked;
    }

    private static <P extends OpParams> void run(OpKernel<P> k, Graph g, Operator op, TensorStore store) {
        assertTrue(k != null, "no kernel for " + op.type());
        k.eval(k.prepare(g, op, PrepareContext.DEFAULT), store);
    }
}
