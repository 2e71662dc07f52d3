package io.tinyforge.bench;

import io.tinyforge.fixtures.FixtureModels;
import io.tinyforge.importer.TfliteImporter;
import io.tinyforge.ir.Graph;
import io.tinyforge.refimpl.Interpreter;
import io.tinyforge.testing.SharedModels;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Time of one {@link Interpreter#run} (reset, set input, invoke, read output) of the Java bit-exact reference
 * on the embedded default model and on MLPerf Tiny VWW (from ../shared, or -Dtinyforge.shared=DIR). Run it
 * as described in docs/BENCHMARKS.md; surefire never runs it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ReferenceBenchmark {

    /** Model to run: the embedded default model or a shared model name. */
    @Param({"default_int8", "mlperf_tiny_vww_96_int8"})
    public String model;

    private Interpreter interpreter;
    private byte[] input;

    @Setup
    public void setup() throws IOException {
        Graph g;
        byte[] inputs;
        if (model.equals("default_int8")) {
            g = TfliteImporter.parse(resource(FixtureModels.DEFAULT_MODEL_RESOURCE), model, model);
            inputs = resource(FixtureModels.DEFAULT_INPUTS_RESOURCE);
        } else {
            Path dir = SharedModels.dir();
            g = TfliteImporter.load(dir.resolve(model + ".tflite"));
            inputs = Files.readAllBytes(dir.resolve("golden").resolve(model + ".inputs.bin"));
        }
        interpreter = new Interpreter(g);
        input = Arrays.copyOf(inputs, (int) g.inputRecordBytes());
    }

    @Benchmark
    public byte[] run() {
        return interpreter.run(input);
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = ReferenceBenchmark.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException(path + " not on the class path");
            }
            return in.readAllBytes();
        }
    }

    /** Runs this benchmark; any JMH command-line option (e.g. {@code -p model=default_int8 -wi 1}) applies. */
    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        // the forked JVM inherits this JVM's options, -Dtinyforge.shared included
        ChainedOptionsBuilder opts = new OptionsBuilder().parent(new CommandLineOptions(args))
                .include(ReferenceBenchmark.class.getName() + ".*");
        new Runner(opts.build()).run();
    }
}
