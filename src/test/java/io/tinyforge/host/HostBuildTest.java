package io.tinyforge.host;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinyforge.codegen.CodeGenerator;
import io.tinyforge.codegen.GeneratorOptions;
import io.tinyforge.refimpl.PreparedModel;
import io.tinyforge.testing.FixtureGraphs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostBuildTest {

    @TempDir
    Path tmp;

    @Test
    void aWarningFailsTheBuildAndTheFirstLineNamesIt() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("bad"));
        Files.writeString(dir.resolve("x.c"), "int f(int a) { int unused; return a; }\n");
        HostBuildException e = assertThrows(HostBuildException.class,
                () -> HostBuild.checkCompiles(dir, tmp.resolve("o")));
        String first = e.getMessage().lines().findFirst().orElse("");
        assertTrue(first.contains("unused"), first);
    }

    @Test
    void theHarnessRejectsATruncatedRecord() {
        PreparedModel m = PreparedModel.prepare(FixtureGraphs.singleReshape());
        GeneratorOptions opt = new GeneratorOptions("single", "test");
        CodeGenerator.generate(m, opt, tmp.resolve("gen"));
        HostProgram p = HostBuild.compile(tmp.resolve("gen"), CodeGenerator.harness(m, opt), tmp.resolve("b"));
        HostBuildException e = assertThrows(HostBuildException.class, () -> p.run(new byte[24 + 3]));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }
}
