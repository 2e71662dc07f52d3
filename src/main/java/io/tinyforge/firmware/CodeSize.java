package io.tinyforge.firmware;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a linked firmware's bytes come from, read from the linker map ({@code NAME.map} next to the ELF) after
 * {@code --gc-sections}: every kept input section is counted as text (instructions, vectors, unwind tables),
 * rodata, data or bss, and attributed to a part: {@code inference} (model.o and the tfg_*.o kernels: the code
 * an application links), {@code weights} (model_data.o: the model's const arrays), {@code harness} (the
 * fw_*.o startup, console, test vectors and main) or {@code library} (libc/libgcc members). {@code codeBytes}
 * is the inference path's flash excluding weights: its text + rodata + data. {@code inferenceUndefined} are the
 * symbols the inference objects import from outside themselves and model_data.o
 * ({@code arm-none-eabi-nm -u}), to show they need no stdio or heap.
 */
public record CodeSize(long textBytes, long rodataBytes, long dataBytes, long bssBytes,
        Map<String, long[]> parts, List<String> inferenceUndefined) {

    /** Symbols whose presence among the inference imports means stdio or heap use. */
    public static final List<String> FORBIDDEN = List.of("printf", "puts", "putchar", "fprintf", "sprintf", "snprintf",
            "vprintf", "fputs", "fwrite", "malloc", "calloc", "realloc", "free", "_sbrk", "iprintf");

    private static final Pattern ONE_LINE = Pattern.compile("^ (\\S+)\\s+0x([0-9a-f]+)\\s+0x([0-9a-f]+)\\s+(\\S.*)$");
    private static final Pattern SECOND_LINE = Pattern.compile("^\\s+0x([0-9a-f]+)\\s+0x([0-9a-f]+)\\s+(\\S.*)$");
    private static final Pattern NAME_ONLY = Pattern.compile("^ (\\S+)$");
    private static final Pattern OUTPUT = Pattern.compile("^(\\.\\S+)(\\s+0x[0-9a-f]+.*)?$");

    /** Index of text / rodata / data / bss in a part's array. */
    public static final int TEXT = 0;
    public static final int RODATA = 1;
    public static final int DATA = 2;
    public static final int BSS = 3;

    /** Reads {@code elf}'s map file and runs {@code arm-none-eabi-nm -u} on its build directory's objects. */
    public static CodeSize of(Path elf) {
        String name = elf.getFileName().toString().replaceFirst("\\.elf$", "");
        Path map = elf.resolveSibling(name + ".map");
        String text;
        try {
            text = Files.readString(map);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read linker map " + map, e);
        }
        return new CodeSize(0, 0, 0, 0, Map.of(), List.of()).withMap(text).withImports(elf.getParent());
    }

    /** Parses the memory-map part of a GNU ld map file. */
    static CodeSize parseMap(String map) {
        return new CodeSize(0, 0, 0, 0, Map.of(), List.of()).withMap(map);
    }

    private CodeSize withMap(String map) {
        Map<String, long[]> p = new TreeMap<>();
        long[] total = new long[4];
        boolean inMap = false;
        boolean allocated = false;
        String pending = null;
        for (String line : map.split("\\R")) {
            if (!inMap) {
                inMap = line.startsWith("Linker script and memory map");
                continue;
            }
            Matcher out = OUTPUT.matcher(line);
            if (out.matches()) {
                String sec = out.group(1);
                allocated = !(sec.startsWith(".debug") || sec.startsWith(".comment") || sec.startsWith(".ARM.attributes")
                        || sec.startsWith(".stab") || sec.equals(".stack"));
                pending = null;
                continue;
            }
            String section;
            long size;
            String file;
            Matcher m1 = ONE_LINE.matcher(line);
            Matcher m2 = SECOND_LINE.matcher(line);
            Matcher n = NAME_ONLY.matcher(line);
            if (m1.matches() && m1.group(1).startsWith(".") || m1.matches() && m1.group(1).equals("COMMON")) {
                section = m1.group(1);
                size = Long.parseLong(m1.group(3), 16);
                file = m1.group(4);
                pending = null;
            } else if (pending != null && m2.matches()) {
                section = pending;
                size = Long.parseLong(m2.group(2), 16);
                file = m2.group(3);
                pending = null;
            } else {
                pending = n.matches() && (n.group(1).startsWith(".") || n.group(1).equals("COMMON")) ? n.group(1) : null;
                continue;
            }
            if (!allocated || size == 0 || file.startsWith("load address")) {
                continue;
            }
            int kind = kind(section);
            if (kind < 0) {
                continue;
            }
            total[kind] += size;
            p.computeIfAbsent(part(file), k -> new long[4])[kind] += size;
        }
        return new CodeSize(total[TEXT], total[RODATA], total[DATA], total[BSS], p, inferenceUndefined);
    }

    private static int kind(String section) {
        if (section.startsWith(".text") || section.startsWith(".isr_vector") || section.startsWith(".ARM.ex")
                || section.startsWith(".glue") || section.startsWith(".vfp11") || section.startsWith(".v4_bx")
                || section.startsWith(".iplt") || section.startsWith(".init") || section.startsWith(".fini")) {
            return TEXT;
        }
        if (section.startsWith(".rodata")) {
            return RODATA;
        }
        if (section.startsWith(".data")) {
            return DATA;
        }
        if (section.startsWith(".bss") || section.equals("COMMON")) {
            return BSS;
        }
        return -1;
    }

    /** The part an input file belongs to. */
    static String part(String file) {
        String base = file.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        if (base.contains(".a(") || file.contains("/lib/")) {
            return "library";
        }
        if (base.equals("model_data.o")) {
            return "weights";
        }
        if (base.equals("model.o") || base.startsWith("tfg_")) {
            return "inference";
        }
        return "harness";
    }

    private CodeSize withImports(Path buildDir) {
        List<String> cmd = new ArrayList<>(List.of("arm-none-eabi-nm", "-u"));
        try (var s = Files.list(buildDir)) {
            s.map(Path::toString).filter(f -> f.endsWith(".o")).filter(f -> part(f).equals("inference")).sorted()
                    .forEach(cmd::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TreeSet<String> names = symbols(cmd, true);
        List<String> defined = new ArrayList<>(List.of("arm-none-eabi-nm", "-g", "--defined-only"));
        defined.addAll(cmd.subList(2, cmd.size()));
        defined.add(buildDir.resolve("model_data.o").toString());
        names.removeAll(symbols(defined, false));
        return new CodeSize(textBytes, rodataBytes, dataBytes, bssBytes, parts, List.copyOf(names));
    }

    private static TreeSet<String> symbols(List<String> cmd, boolean undefined) {
        ProcessOutput out = ProcessOutput.run(cmd, null, 60);
        if (!out.ok()) {
            throw new IllegalStateException("arm-none-eabi-nm failed: " + out.stderr().strip());
        }
        TreeSet<String> names = new TreeSet<>();
        for (String line : out.stdout().split("\\R")) {
            String[] f = line.trim().split("\\s+");
            if (undefined && f.length == 2 && f[0].equals("U")) {
                names.add(f[1]);
            } else if (!undefined && f.length == 3) {
                names.add(f[2]);
            }
        }
        return names;
    }

    /** Bytes of {@code part} in {@code kind} ({@link #TEXT} ...), 0 when none. */
    public long bytes(String part, int kind) {
        long[] v = parts.get(part);
        return v == null ? 0 : v[kind];
    }

    /** The inference path's flash excluding the model's const arrays: text + rodata + data of model.o and kernels. */
    public long codeBytes() {
        return bytes("inference", TEXT) + bytes("inference", RODATA) + bytes("inference", DATA);
    }

    /** The model's const arrays (model_data.o). */
    public long weightsBytes() {
        return bytes("weights", RODATA) + bytes("weights", DATA);
    }

    /** The imports of the inference objects that mean stdio or heap use (should be empty). */
    public List<String> forbiddenImports() {
        return inferenceUndefined.stream().filter(FORBIDDEN::contains).toList();
    }

    /** Adds the sizes to a report. */
    public void addTo(ObjectNode j) {
        j.put("code_bytes", codeBytes());
        j.put("code_note", "inference path (model.o + tfg_*.o kernels) text + rodata + data after --gc-sections; "
                + "excludes weights (model_data.o), harness (fw_*.o) and libc/libgcc");
        j.put("weights_bytes", weightsBytes());
        j.put("sections_text_bytes", textBytes);
        j.put("rodata_bytes", rodataBytes);
        j.put("sections_data_bytes", dataBytes);
        j.put("sections_bss_bytes", bssBytes);
        ObjectNode parts = j.putObject("size_by_part");
        for (Map.Entry<String, long[]> e : this.parts.entrySet()) {
            ObjectNode o = parts.putObject(e.getKey());
            o.put("text", e.getValue()[TEXT]);
            o.put("rodata", e.getValue()[RODATA]);
            o.put("data", e.getValue()[DATA]);
            o.put("bss", e.getValue()[BSS]);
        }
        ArrayNode imports = j.putArray("inference_imports");
        inferenceUndefined.forEach(imports::add);
    }
}
