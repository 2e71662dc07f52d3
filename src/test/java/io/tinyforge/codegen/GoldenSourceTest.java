package io.tinyforge.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tinyforge.refimpl.PreparedModel;
import io.tinyforge.testing.FixtureGraphs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The generated sources of the reshape-chain fixture against checked-in golden text, so that every template
 * change shows up as a reviewed diff. Regenerate after an intended change with
 * {@code mvn -o -q test -Dtest=GoldenSourceTest -Dtinyforge.updateGoldens=true} (never edit them by hand).
 */
class GoldenSourceTest {
    private static final Path DIR = Path.of("src/test/resources/golden/codegen/reshape_chain");
    private static final List<String> FILES = List.of("model.h", "model.c", "model_data.h", "model_data.c",
            "tfg_config.h");

    @Test
    void reshapeChainSourcesMatchTheGoldens() throws Exception {
        Map<String, byte[]> files = CodeGenerator.render(PreparedModel.prepare(FixtureGraphs.reshapeChain()),
                new GeneratorOptions("chain", "tinyforge generate reshape_chain.tflite --out DIR --name chain"),
                io.tinyforge.memory.ArenaPlan.of(PreparedModel.prepare(FixtureGraphs.reshapeChain()),
                        io.tinyforge.memory.Planners.defaultPlanner()));
        boolean update = Boolean.getBoolean("tinyforge.updateGoldens");
        for (String f : FILES) {
            String actual = new String(files.get(f), StandardCharsets.UTF_8)
                    .replace("tinyforge " + ToolVersion.get() + " ", "tinyforge VERSION ");
            Path golden = DIR.resolve(f);
            if (update) {
                Files.createDirectories(DIR);
                Files.writeString(golden, actual, StandardCharsets.UTF_8);
            }
            assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual, f + " differs from " + golden
                    + " (regenerate with -Dtinyforge.updateGoldens=true if the change is intended)");
        }
    }
}
