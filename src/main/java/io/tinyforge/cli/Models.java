package io.tinyforge.cli;

import io.tinyforge.codegen.CNames;
import io.tinyforge.fixedpoint.Rounding;
import io.tinyforge.importer.TfliteImporter;
import io.tinyforge.ir.Graph;
import io.tinyforge.passes.FoldFloat16Dequantize;
import io.tinyforge.refimpl.PrepareContext;
import io.tinyforge.refimpl.PreparedModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;

/** Shared command-line pieces: the model argument, --rounding, --name. */
final class Models {

    private Models() {
    }

    /** {@code --no-in-place}: every operator out of place (faster DSP kernels, larger arena). */
    static Option noInPlaceOption() {
        return Option.builder().longOpt("no-in-place")
                .desc("run every operator out of place: larger arena, but the DSP kernels on M4/M7/M33").build();
    }

    /** {@code --optimize speed|size}: GEMM-packed int16 filters vs the smallest weight layout per filter. */
    static Option optimizeOption() {
        return Option.builder().longOpt("optimize").hasArg().argName("speed|size")
                .desc("speed (default): int16-packed filters for the GEMM kernels, sparse only for pruned models; "
                        + "size: int8 filters, each stored dense, codebook or sparse, whichever is smallest").build();
    }

    /** Applies {@code --optimize} when given (process-wide: the memory plan and the emitters read it). */
    static void optimize(CommandLine cl) {
        if (cl.hasOption("optimize")) {
            io.tinyforge.codegen.Optimize.use(io.tinyforge.codegen.Optimize.parse(cl.getOptionValue("optimize")));
        }
    }

    static Option roundingOption() {
        return Option.builder().longOpt("rounding").hasArg().argName("double|single")
                .desc("rescaling rounding: double (TFLM default) or single (TFLITE_SINGLE_ROUNDING)").build();
    }

    static Option nameOption() {
        return Option.builder().longOpt("name").hasArg().argName("NAME")
                .desc("C prefix of the generated API (default: from the model file name)").build();
    }

    static Rounding rounding(CommandLine cl) {
        String r = cl.getOptionValue("rounding", "double").toLowerCase(Locale.ROOT);
        return switch (r) {
            case "double" -> Rounding.DOUBLE;
            case "single" -> Rounding.SINGLE;
            default -> throw new UsageException("--rounding must be double or single, not '" + r + "'");
        };
    }

    /** The single positional MODEL argument. */
    static Path modelPath(CommandLine cl, String command) {
        List<String> rest = cl.getArgList();
        if (rest.size() != 1) {
            throw new UsageException(command + " needs exactly one MODEL.tflite argument"
                    + (rest.isEmpty() ? "" : ", got " + rest));
        }
        return Path.of(rest.get(0));
    }

    /** Imports a model; float16 weights behind DEQUANTIZE are folded so the kernels read them as half. */
    static Graph load(Path p) {
        return FoldFloat16Dequantize.apply(TfliteImporter.load(p));
    }

    static PreparedModel prepare(Graph g, Rounding r) {
        return PreparedModel.prepare(g, new PrepareContext(r));
    }

    static String name(CommandLine cl, Path model) {
        String n = cl.getOptionValue("name");
        return n != null ? CNames.checkModelName(n) : CNames.fromFileName(model.getFileName().toString());
    }
}
