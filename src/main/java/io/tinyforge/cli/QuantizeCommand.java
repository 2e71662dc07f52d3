package io.tinyforge.cli;

import io.tinyforge.exporter.TfliteWriter;
import io.tinyforge.ir.Graph;
import io.tinyforge.quantize.CalibrationData;
import io.tinyforge.quantize.FullIntegerQuantizer;
import io.tinyforge.quantize.IoType;
import io.tinyforge.quantize.LayerErrorReport;
import io.tinyforge.quantize.Observer;
import io.tinyforge.quantize.Observers;
import io.tinyforge.quantize.QuantizedModel;
import io.tinyforge.quantize.WeightOnlyQuantizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code tinyforge quantize FLOAT.tflite --mode int8|dynamic|float16 --calib DATA ... --out OUT.tflite}:
 * post-training quantization of a float32 model, with a per-layer error table (and JSON with --report).
 */
final class QuantizeCommand implements Command {

    @Override
    public String name() {
        return "quantize";
    }

    @Override
    public String arguments() {
        return "FLOAT.tflite --out OUT.tflite [--mode int8|dynamic|float16] [--calib DATA]"
                + " [--calib-method minmax|moving-average|percentile|mse] [--io int8|float] [--report R.json]";
    }

    @Override
    public String summary() {
        return "post-training quantization of a float32 .tflite (full int8, dynamic range or float16)";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder().longOpt("out").hasArg().argName("OUT.tflite")
                        .desc("the quantized model to write").build())
                .addOption(Option.builder().longOpt("mode").hasArg().argName("MODE")
                        .desc("int8 (default: full integer), dynamic (int8 weights, float activations) or"
                                + " float16 (float16 weights)").build())
                .addOption(Option.builder().longOpt("calib").hasArg().argName("DATA")
                        .desc("calibration inputs: raw float32 records, .npy, or synthetic:N[:SEED]"
                                + " (required for int8)").build())
                .addOption(Option.builder().longOpt("calib-method").hasArg().argName("METHOD")
                        .desc("range observer: " + String.join(", ", Observers.NAMES) + " (default minmax)").build())
                .addOption(Option.builder().longOpt("io").hasArg().argName("TYPE")
                        .desc("int8 mode inputs/outputs: int8 (default) or float (QUANTIZE/DEQUANTIZE at the"
                                + " edges)").build())
                .addOption(Option.builder().longOpt("report").hasArg().argName("R.json")
                        .desc("write the per-layer error report as JSON (needs --calib)").build());
    }

    @Override
    public int run(CommandLine cl, Invocation inv) throws Exception {
        Path model = Models.modelPath(cl, name());
        if (!cl.hasOption("out")) {
            throw new UsageException("quantize needs --out OUT.tflite");
        }
        String mode = cl.getOptionValue("mode", "int8");
        IoType io = switch (cl.getOptionValue("io", "int8")) {
            case "int8" -> IoType.INT8;
            case "float" -> IoType.FLOAT;
            default -> throw new UsageException("--io must be int8 or float, is '" + cl.getOptionValue("io") + "'");
        };
        Supplier<Observer> method;
        try {
            method = Observers.byName(cl.getOptionValue("calib-method", "minmax"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (!mode.equals("int8") && (cl.hasOption("io") || cl.hasOption("calib-method"))) {
            throw new UsageException("--io and --calib-method apply to --mode int8 only");
        }
        Graph g = Models.load(model);
        List<float[][]> calib = null;
        if (cl.hasOption("calib")) {
            calib = CalibrationData.load(cl.getOptionValue("calib"), g);
        } else if (mode.equals("int8")) {
            throw new UsageException("--mode int8 needs --calib DATA (raw float32 records, .npy or synthetic:N)");
        } else if (cl.hasOption("report")) {
            throw new UsageException("--report needs --calib DATA");
        }
        QuantizedModel qm = switch (mode) {
            case "int8" -> FullIntegerQuantizer.quantize(g, calib, method, io);
            case "dynamic" -> WeightOnlyQuantizer.dynamicRange(g, WeightOnlyQuantizer.CONVERTER_MIN_ELEMENTS);
            case "float16" -> WeightOnlyQuantizer.float16(g);
            default -> throw new UsageException("--mode must be int8, dynamic or float16, is '" + mode + "'");
        };
        LayerErrorReport report = calib == null ? null : LayerErrorReport.compute(qm, calib);
        byte[] bytes = TfliteWriter.write(qm.quantized());
        Path out = Path.of(cl.getOptionValue("out"));
        Files.write(out, bytes);
        inv.out().println("wrote " + out + " (" + mode + (mode.equals("int8") ? ", io " + io.name().toLowerCase(
                java.util.Locale.ROOT) : "") + ", " + bytes.length + " bytes, " + qm.quantized().operators().size()
                + " operators)");
        if (report != null) {
            inv.out().println("per-layer error on " + calib.size() + " calibration records, worst first:");
            inv.out().print(report.table());
            if (cl.hasOption("report")) {
                Files.writeString(Path.of(cl.getOptionValue("report")), report.json());
                inv.out().println("wrote " + cl.getOptionValue("report"));
            }
        }
        return 0;
    }
}
