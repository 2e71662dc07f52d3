package io.tinyforge.testing;

import static org.junit.jupiter.api.Assertions.fail;

import io.tinyforge.ir.Graph;
import io.tinyforge.ir.Operator;
import io.tinyforge.ir.ReshapeOptions;
import io.tinyforge.ir.Tensor;
import java.util.Arrays;
import java.util.Objects;

/** Deep equality of two graphs (tensors, data, quantization, operators, options), naming the first difference. */
public final class GraphAssert {
    private GraphAssert() {
    }

    /** Fails with the location of the first difference; ignores the graphs' sha256 and name. */
    public static void assertSameGraph(String where, Graph expected, Graph actual) {
        check(where + ": inputs", Arrays.equals(expected.inputs(), actual.inputs()),
                Arrays.toString(expected.inputs()), Arrays.toString(actual.inputs()));
        check(where + ": outputs", Arrays.equals(expected.outputs(), actual.outputs()),
                Arrays.toString(expected.outputs()), Arrays.toString(actual.outputs()));
        check(where + ": tensor count", expected.tensors().size() == actual.tensors().size(),
                expected.tensors().size(), actual.tensors().size());
        for (int i = 0; i < expected.tensors().size(); i++) {
            Tensor e = expected.tensor(i);
            Tensor a = actual.tensor(i);
            String w = where + ": tensor " + i + " '" + e.name() + "'";
            check(w + " index", e.index() == a.index(), e.index(), a.index());
            check(w + " name", e.name().equals(a.name()), e.name(), a.name());
            check(w + " shape", e.shape().equals(a.shape()), e.shape(), a.shape());
            check(w + " dtype", e.dtype() == a.dtype(), e.dtype(), a.dtype());
            check(w + " quant", Objects.equals(e.quant(), a.quant()), e.quant(), a.quant());
            check(w + " variable", e.variable() == a.variable(), e.variable(), a.variable());
            check(w + " constant", e.isConstant() == a.isConstant(), e.isConstant(), a.isConstant());
            if (e.isConstant()) {
                Bytes.assertSame(w + " data", e.data(), a.data(), 1);
            }
        }
        check(where + ": operator count", expected.operators().size() == actual.operators().size(),
                expected.operators().size(), actual.operators().size());
        for (int i = 0; i < expected.operators().size(); i++) {
            Operator e = expected.operators().get(i);
            Operator a = actual.operators().get(i);
            String w = where + ": " + e;
            check(w + " index", e.index() == a.index(), e.index(), a.index());
            check(w + " type", e.type() == a.type(), e.type(), a.type());
            check(w + " inputs", Arrays.equals(e.inputs(), a.inputs()), Arrays.toString(e.inputs()),
                    Arrays.toString(a.inputs()));
            check(w + " outputs", Arrays.equals(e.outputs(), a.outputs()), Arrays.toString(e.outputs()),
                    Arrays.toString(a.outputs()));
            check(w + " intermediates", Arrays.equals(e.intermediates(), a.intermediates()),
                    Arrays.toString(e.intermediates()), Arrays.toString(a.intermediates()));
            boolean same = e.options() instanceof ReshapeOptions re && a.options() instanceof ReshapeOptions ra
                    ? Arrays.equals(re.newShape(), ra.newShape())
                    : Objects.equals(e.options(), a.options());
            check(w + " options", same, e.options(), a.options());
        }
    }

    private static void check(String what, boolean ok, Object expected, Object actual) {
        if (!ok) {
            fail(what + " differs: expected " + expected + " got " + actual);
        }
    }
}
