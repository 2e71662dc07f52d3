package io.tinyforge.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tinyforge.ir.Graph;
import io.tinyforge.memory.Planners;
import io.tinyforge.refimpl.PreparedModel;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code tinyforge inspect MODEL [--json]}: operators, tensors, parameters, MACs, arena size and bound. */
final class InspectCommand implements Command {

    @Override
    public String name() {
        return "inspect";
    }

    @Override
    public String arguments() {
        return "MODEL.tflite [--json]";
    }

    @Override
    public String summary() {
        return "show operators, tensors, parameters, MACs, weight bytes, planned arena and its lower bound";
    }

    @Override
    public Options options() {
        return new Options()
                .addOption(Option.builder().longOpt("json").desc("print JSON instead of text").build())
                .addOption(Models.roundingOption())
                .addOption(Option.builder().longOpt("planner").hasArg().argName("NAME")
                        .desc("memory planner: " + String.join(", ", Planners.names())).build());
    }

    @Override
    public int run(CommandLine cl, Invocation inv) throws Exception {
        Path p = Models.modelPath(cl, name());
        Graph g = Models.load(p);
        String[] why = new String[1];
        PreparedModel m = ModelReport.tryPrepare(g, Models.rounding(cl), why);
        Map<String, Object> r = ModelReport.of(g, m, why[0],
                Planners.byName(cl.getOptionValue("planner", Planners.defaultPlanner().name())));
        ClusteringInfo.addTo(r, g);
        if (cl.hasOption("json")) {
            ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            inv.out().println(om.writeValueAsString(r));
        } else {
            inv.out().print(ModelReport.text(r, g) + ClusteringInfo.text(r));
        }
        return 0;
    }
}
