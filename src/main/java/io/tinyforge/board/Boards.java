package io.tinyforge.board;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tinyforge.ir.ModelException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Loads the board catalogue: every {@code *.json} in a {@code boards/} directory or classpath folder. */
public final class Boards {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile Map<String, Board> builtin;

    private final Map<String, Board> byName;

    private Boards(Map<String, Board> byName) {
        this.byName = Collections.unmodifiableMap(byName);
    }

    /** The boards shipped with tinyforge (classpath {@code boards/}, which the build copies from {@code boards/}). */
    public static Boards builtin() {
        Map<String, Board> m = builtin;
        if (m == null) {
            m = loadClasspath();
            builtin = m;
        }
        return new Boards(m);
    }

    /** Every {@code *.json} in {@code dir}. */
    public static Boards fromDirectory(Path dir) {
        return new Boards(loadDir(dir));
    }

    /** All boards, sorted by name. */
    public List<Board> all() {
        return new ArrayList<>(byName.values());
    }

    /** The board called {@code name}; a {@link ModelException} listing the known names otherwise. */
    public Board get(String name) {
        Board b = byName.get(name);
        if (b == null) {
            throw new ModelException("unknown board '" + name + "'; known boards: " + String.join(", ", byName.keySet()));
        }
        return b;
    }

    /** Parses one board file. */
    public static Board parse(InputStream in, String source) throws IOException {
        JsonNode j = JSON.readTree(in);
        List<String> flags = new ArrayList<>();
        j.get("cpu_flags").forEach(f -> flags.add(f.asText()));
        JsonNode c = j.get("console");
        String ctype = c.get("type").asText();
        Console console = new Console(ctype, text(c, "uart"),
                c.hasNonNull("address") ? MemoryRegion.parseNumber(c.get("address").asText()) : 0, text(c, "renode_name"));
        if (!Console.SEMIHOSTING.equals(ctype)
                && !(Console.UART.equals(ctype) && Console.UART_TYPES.contains(console.uart()))) {
            throw new IOException(source + ": console must be semihosting or a uart of " + Console.UART_TYPES);
        }
        return new Board(j.get("name").asText(), text(j, "description"), j.get("core").asText(), text(j, "fpu"),
                j.path("dsp").asBoolean(false), flags, region(j.get("flash")), region(j.get("ram")),
                j.path("stack_bytes").asLong(4096), console, text(j, "qemu_machine"), text(j, "renode_platform"));
    }

    private static String text(JsonNode j, String field) {
        JsonNode v = j.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static MemoryRegion region(JsonNode j) {
        return new MemoryRegion(MemoryRegion.parseNumber(j.get("origin").asText()),
                MemoryRegion.parseSize(j.get("size").asText()));
    }

    private static Map<String, Board> loadDir(Path dir) {
        Map<String, Board> m = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(p)) {
                    Board b = parse(in, p.toString());
                    m.put(b.name(), b);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading boards from " + dir, e);
        }
        return m;
    }

    private static Map<String, Board> loadClasspath() {
        URL anchor = Boards.class.getClassLoader().getResource("boards/qemu-mps2-an386.json");
        if (anchor == null) {
            Path local = Path.of("boards");
            if (Files.isDirectory(local)) {
                return loadDir(local);
            }
            throw new IllegalStateException("board catalogue not found on the classpath (boards/)");
        }
        try {
            URI uri = anchor.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return loadDir(fs.getPath("boards"));
            }
            return loadDir(Path.of(uri).getParent());
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("board catalogue unreadable: " + anchor, e);
        }
    }
}
