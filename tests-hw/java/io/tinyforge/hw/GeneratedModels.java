package io.tinyforge.hw;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tinyforge.codegen.CNames;
import io.tinyforge.codegen.CodeGenerator;
import io.tinyforge.codegen.GeneratedModel;
import io.tinyforge.codegen.GeneratorOptions;
import io.tinyforge.importer.TfliteImporter;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.ModelException;
import io.tinyforge.refimpl.PreparedModel;
import io.tinyforge.testing.SharedModels;
import java.nio.file.Path;

/** Generates a shared model's C; skips the test, naming the operator, while the generator lacks it. */
final class GeneratedModels {

    private GeneratedModels() {
    }

    static Graph graph(String model) {
        return TfliteImporter.load(SharedModels.model(model));
    }

    static GeneratedModel generate(String model, Path dir) {
        Graph g = graph(model);
        try {
            PreparedModel m = PreparedModel.prepare(g);
            return CodeGenerator.generate(m, new GeneratorOptions(CNames.fromFileName(model + ".tflite"),
                    "test " + model), dir);
        } catch (ModelException e) {
            boolean missing = e.getMessage().contains("cannot be generated as C yet")
                    || e.getMessage().contains("has no reference kernel yet");
            assumeTrue(!missing, "skipped: " + model + ": " + e.getMessage());
            throw e;
        }
    }
}
