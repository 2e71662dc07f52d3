package io.tinyforge.codegen;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tinyforge.importer.TfliteImporter;
import io.tinyforge.ir.Graph;
import io.tinyforge.ir.Operator;
import io.tinyforge.refimpl.PreparedModel;
import io.tinyforge.testing.Bytes;
import io.tinyforge.testing.NativeProgram;
import io.tinyforge.testing.SharedModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shared model's generated C (default options, so with the planner's in-place operators) built for the
 * host with AddressSanitizer and UndefinedBehaviorSanitizer, aborting on the first finding, and run on the
 * golden inputs: no finding, and the outputs still equal the TFLM goldens byte for byte.
 */
class SanitizedModelsTest {
    /** The sanitizer build: the generated code's C dialect and warnings, sanitizers, no recovery. */
    static final List<String> FLAGS = List.of("-std=c99", "-O1", "-g", "-Wall", "-Wextra", "-Werror", "-pedantic",
            "-fsanitize=address,undefined", "-fno-sanitize-recover=all", "-fno-omit-frame-pointer");

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.tinyforge.testing.SharedModels#int8Models")
    void sharedModelIsCleanUnderSanitizersAndEqualsTheGoldens(String model) throws Exception {
        Path dir = SharedModels.require();
        Graph g = TfliteImporter.load(dir.resolve(model + ".tflite"));
        for (Operator op : g.operators()) {
            assumeTrue(Emitters.supports(op.type()), "skipped: no C emitter for " + op.type());
        }
        PreparedModel m = PreparedModel.prepare(g);
        GeneratorOptions opt = new GeneratorOptions(CNames.fromFileName(model), "SanitizedModelsTest " + model);
        GeneratedModel gm = CodeGenerator.generate(m, opt, tmp.resolve("gen"));
        Path harness = NativeProgram.write(tmp, "harness.c", CodeGenerator.harness(m, opt));
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> s = Files.list(gm.dir())) {
            s.filter(p -> p.toString().endsWith(".c")).sorted().forEach(sources::add);
        }
        sources.add(harness);
        List<String> flags = new ArrayList<>(FLAGS);
        flags.add("-I" + gm.dir());
        Path build = Files.createDirectories(tmp.resolve("build"));
        NativeProgram prog = NativeProgram.build("gcc", flags, sources, build);
        Path in = tmp.resolve("inputs.bin");
        Path out = tmp.resolve("outputs.bin");
        Files.copy(dir.resolve("golden").resolve(model + ".inputs.bin"), in);
        prog.run(new byte[0], in.toString(), out.toString());
        byte[] expected = Files.readAllBytes(dir.resolve("golden").resolve(model + ".outputs.bin"));
        Bytes.assertSame(model + " sanitized host C vs TFLM golden", expected, Files.readAllBytes(out),
                g.output(0).dtype().size());
    }
}
