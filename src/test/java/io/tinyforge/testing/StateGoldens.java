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

/**
 * Checks the variable (state) tensors a stateful operator leaves behind against TFLM's vector-0
 * intermediates: each operator of the type runs alone from a reset store with its non-constant inputs taken
 * from the goldens, and every variable input that has a golden must then equal it byte for byte.
 */
public final class StateGoldens {
    private StateGoldens() {
    }

    /** Returns the number of state tensors compared; fails naming model, operator, tensor and index. */
    public static int check(String model, OpType type, OpKernel<?> kernel) {
        Graph g = TfliteImporter.load(SharedModels.model(model));
        Golden gold = SharedModels.golden(model);
        Map<Integer, Golden.Intermediate> byTensor = new HashMap<>();
        for (Golden.Intermediate t : gold.intermediates()) {
            byTensor.put(t.tensorIndex(), t);
        }
        int compared = 0;
        for (Operator op : g.operators()) {
            if (op.type() != type) {
                continue;
            }
            TensorStore store = new TensorStore(g);
            for (int in : op.inputs()) {
                if (in >= 0 && !g.tensor(in).isConstant() && !g.tensor(in).variable()) {
                    byte[] src = gold.intermediate(byTensor.get(in));
                    System.arraycopy(src, 0, store.bytes(in), 0, src.length);
                }
            }
            run(kernel, g, op, store);
            for (int in : op.inputs()) {
                if (in >= 0 && g.tensor(in).variable() && byTensor.containsKey(in)) {
                    Bytes.assertSame(model + " op" + op.index() + " " + op.type() + " state tensor " + in,
                            gold.intermediate(byTensor.get(in)), store.bytes(in), g.tensor(in).dtype().size());
                    compared++;
                }
            }
        }
        return compared;
    }

    private static <P extends OpParams> void run(OpKernel<P> k, Graph g, Operator op, TensorStore store) {
        assertTrue(k != null, "no kernel for " + op.type());
        k.eval(k.prepare(g, op, PrepareContext.DEFAULT), store);
    }
}
