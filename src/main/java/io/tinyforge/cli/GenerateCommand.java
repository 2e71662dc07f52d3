package io.tinyforge.cli;

import io.tinyforge.codegen.CodeGenerator;
import io.tinyforge.codegen.GeneratedModel;
import io.tinyforge.codegen.GeneratorOptions;
import io.tinyforge.memory.Planners;
import io.tinyforge.refimpl.PreparedModel;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code tinyforge generate MODEL --out DIR [--name NAME] [--rounding double|single]}: writes the C code. */
final class GenerateCommand implements Command {

    @Override
    public String name() {
        return "generate";
    }

    @Override
    public String arguments() {
        return "MODEL.tflite --out DIR [--name NAME] [--rounding double|single] [--board BOARD [--input IN.bin]]";
    }

    @Override
    public String summary() {
        return "write the model as plain C99 (model.h/.c, model_data.h/.c, runtime) into DIR";
    }

    @Override
    public Options options() {
        return FirmwareEngine.addGenerateOptions(new Options())
                .addOption(Option.builder().longOpt("out").hasArg().argName("DIR")
                        .desc("output directory (created; generated files in it are replaced)").build())
                .addOption(Models.nameOption())
                .addOption(Models.roundingOption())
                .addOption(Models.noInPlaceOption())
                .addOption(Models.optimizeOption())
                .addOption(Option.builder().longOpt("planner").hasArg().argName("NAME")
                        .desc("memory planner: " + String.join(", ", Planners.names())).build());
    }

    @Override
    public int run(CommandLine cl, Invocation inv) {
        Path model = Models.modelPath(cl, name());
        if (!cl.hasOption("out")) {
            throw new UsageException("generate needs --out DIR");
        }
        String cname = Models.name(cl, model);
        PreparedModel m = Models.prepare(Models.load(model), Models.rounding(cl));
        Models.optimize(cl);
        GeneratorOptions opt = new GeneratorOptions(cname, inv.commandLine(),
                Planners.byName(cl.getOptionValue("planner", Planners.defaultPlanner().name())))
                .withInPlace(!cl.hasOption("no-in-place"));
        if (cl.hasOption("board")) {
            FirmwareEngine.refuseIfSurelyTooLarge(cl, m, opt);
        }
        GeneratedModel gm = CodeGenerator.generate(m, opt, Path.of(cl.getOptionValue("out")));
        inv.out().println("wrote " + gm.files().size() + " files to " + gm.dir() + " (API " + cname
                + "_invoke; arena " + gm.plan().arenaBytes() + " bytes, lower bound " + gm.plan().lowerBound()
                + ")");
        if (cl.hasOption("board")) {
            inv.out().println(FirmwareEngine.generateProject(cl, inv, m, gm));
        }
        return 0;
    }
}
