package io.tinyforge.refimpl;

import io.tinyforge.importer.TfliteImporter;
import io.tinyforge.ir.Graph;
import io.tinyforge.testing.Bytes;
import io.tinyforge.testing.Golden;
import io.tinyforge.testing.SharedModels;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Java reference reproduces TFLM's outputs for all golden vectors and vector 0's every intermediate. */
class ModelGoldenTest {

    static java.util.stream.Stream<String> models() {
        return SharedModels.int8Models();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void javaReferenceMatchesTflmOnAllVectors(String model) {
        Graph g = TfliteImporter.load(SharedModels.model(model));
        Golden gold = SharedModels.golden(model);
        Interpreter interp = new Interpreter(g);
        for (int v = 0; v < gold.count(); v++) {
            byte[] out = interp.run(gold.input(v));
            Bytes.assertSame(model + " vector " + v + " outputs", gold.output(v), out, g.output(0).dtype().size());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void everyIntermediateOfVectorZeroMatchesTflm(String model) {
        Graph g = TfliteImporter.load(SharedModels.model(model));
        Golden gold = SharedModels.golden(model);
        Interpreter interp = new Interpreter(g);
        interp.run(gold.input(0));
        for (Golden.Intermediate t : gold.intermediates()) {
            if (g.tensor(t.tensorIndex()).bytes() == 0) {
                continue;
            }
            Bytes.assertSame(model + " tensor " + t.tensorIndex() + " '" + t.name() + "'", gold.intermediate(t),
                    interp.store().bytes(t.tensorIndex()), g.tensor(t.tensorIndex()).dtype().size());
        }
    }
}
