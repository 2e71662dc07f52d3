package io.tinyforge.firmware;

import io.tinyforge.board.Board;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a buildable firmware project directory: the generated model files (copied flat), the board's
 * startup, console, linker scripts and build files, the embedded test vectors and the test {@code main};
 * for boards with a Renode platform also a {@code .resc} script and a {@code .robot} test.
 */
public final class FirmwareProject {

    /** Size given to both memories by {@code link_sizing.ld}, which only measures a program. */
    static final long SIZING_REGION = 256L * 1024 * 1024;

    private final Board board;
    private final ModelApi api;
    private final TestVectors vectors;
    private final List<String> expectedLines;
    private final String command;

    /**
     * @param expectedLines the reference's output lines ({@code OUT <hex>}) for the Renode test; may be empty
     * @param command the tinyforge command line recorded in each file's banner
     */
    public FirmwareProject(Board board, ModelApi api, TestVectors vectors, List<String> expectedLines, String command) {
        this.board = board;
        this.api = api;
        this.vectors = vectors;
        this.expectedLines = List.copyOf(expectedLines);
        this.command = command;
    }

    /** Copies the model files from {@code modelDir} into {@code out} and writes the firmware files; returns {@code out}. */
    public Path write(Path modelDir, Path out) {
        try {
            Files.createDirectories(out);
            try (Stream<Path> s = Files.list(modelDir)) {
                for (Path p : s.filter(Files::isRegularFile).toList()) {
                    Files.copy(p, out.resolve(p.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Map<String, Object> m = dataModel(false);
            m.put("sizeSources", SizeOptimized.sources(modelDir));
            write(out, "fw_startup.c", "fw_startup.c.ftl", m);
            write(out, "fw_console.h", "fw_console.h.ftl", m);
            write(out, "fw_console.c", "fw_console.c.ftl", m);
            write(out, "fw_stack.h", "fw_stack.h.ftl", m);
            write(out, "fw_main.c", "fw_main.c.ftl", m);
            write(out, "fw_vectors.h", "fw_vectors.h.ftl", m);
            write(out, "fw_vectors.c", "fw_vectors.c.ftl", m);
            write(out, "link.ld", "link.ld.ftl", m);
            write(out, "link_sizing.ld", "link.ld.ftl", dataModel(true));
            write(out, "Makefile", "Makefile.ftl", m);
            write(out, "CMakeLists.txt", "CMakeLists.txt.ftl", m);
            if (board.emulatedByRenode()) {
                write(out, api.name() + ".resc", "renode.resc.ftl", m);
                write(out, api.name() + ".robot", "renode.robot.ftl", m);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("writing firmware project " + out, e);
        }
    }

    private static void write(Path dir, String file, String template, Map<String, Object> model) throws IOException {
        Files.writeString(dir.resolve(file), FirmwareTemplates.render(template, model));
    }

    private Map<String, Object> dataModel(boolean sizing) {
        Map<String, Object> m = new HashMap<>();
        m.put("tool", Map.of("version", version(), "command", command));
        Map<String, Object> b = new HashMap<>();
        b.put("name", board.name());
        b.put("core", board.core());
        b.put("cpuFlags", board.cpuFlags());
        b.put("stackBytes", board.stackBytes());
        b.put("qemuMachine", board.qemuMachine());
        b.put("renodePlatform", board.renodePlatform());
        Map<String, Object> c = new HashMap<>();
        c.put("semihosting", board.console().semihosting());
        c.put("uart", board.console().uart());
        c.put("renodeName", board.console().renodeName());
        b.put("console", c);
        m.put("board", b);
        m.put("uartAddress", String.format("0x%08X", board.console().address()));
        m.put("sizing", sizing);
        m.put("flashOrigin", board.flash().originHex());
        m.put("ramOrigin", board.ram().originHex());
        m.put("flashLength", String.valueOf(sizing ? SIZING_REGION : board.flash().size()));
        m.put("ramLength", String.valueOf(sizing ? SIZING_REGION : board.ram().size()));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("name", api.name());
        model.put("upper", api.upper());
        model.put("sha256", api.sha256());
        model.put("inputBytes", api.inputBytes());
        model.put("outputBytes", api.outputBytes());
        model.put("inputOffsets", api.inputOffsets());
        model.put("outputOffsets", api.outputOffsets());
        m.put("model", model);
        Map<String, Object> v = new HashMap<>();
        v.put("count", vectors.count());
        v.put("inputBytes", vectors.inputBytes());
        v.put("outputBytes", vectors.outputBytes());
        v.put("rows", vectors.rows());
        v.put("source", vectors.source());
        m.put("vectors", v);
        m.put("expected", expectedLines);
        return m;
    }

    private static String version() {
        String v = FirmwareProject.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0";
    }
}
