package io.tinyforge.firmware;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the firmware needs to know of a generated model, read from its {@code model.h}: the C prefix, the
 * byte size of each input and output tensor, and the arena size (the contract in docs/ARCHITECTURE.md).
 */
public record ModelApi(String name, List<Long> inputBytes, List<Long> outputBytes, long arenaBytes, String sha256) {

    private static final Pattern NAME = Pattern.compile("void\\s*\\*\\s*([A-Za-z_][A-Za-z0-9_]*)_input\\s*\\(");
    private static final Pattern SHA = Pattern.compile("\\b([0-9a-f]{64})\\b");

    public ModelApi {
        inputBytes = List.copyOf(inputBytes);
        outputBytes = List.copyOf(outputBytes);
    }

    /** Reads {@code dir/model.h}. */
    public static ModelApi read(Path dir) {
        Path header = dir.resolve("model.h");
        String h;
        try {
            h = Files.readString(header);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the generated model header " + header, e);
        }
        Matcher m = NAME.matcher(h);
        if (!m.find()) {
            throw new IllegalArgumentException(header + ": no NAME_input(int) declaration");
        }
        String name = m.group(1);
        String upper = name.toUpperCase(Locale.ROOT);
        int inputs = (int) macro(h, upper + "_INPUT_COUNT", header);
        int outputs = (int) macro(h, upper + "_OUTPUT_COUNT", header);
        List<Long> in = new ArrayList<>();
        for (int i = 0; i < inputs; i++) {
            in.add(macro(h, upper + "_INPUT" + i + "_BYTES", header));
        }
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < outputs; i++) {
            out.add(macro(h, upper + "_OUTPUT" + i + "_BYTES", header));
        }
        Matcher s = SHA.matcher(h);
        return new ModelApi(name, in, out, macro(h, upper + "_ARENA_BYTES", header), s.find() ? s.group(1) : "unknown");
    }

    private static long macro(String header, String macro, Path file) {
        Matcher m = Pattern.compile("#define\\s+" + macro + "\\s+\\(?\\s*(\\d+)").matcher(header);
        if (!m.find()) {
            throw new IllegalArgumentException(file + ": no #define " + macro);
        }
        return Long.parseLong(m.group(1));
    }

    public String upper() {
        return name.toUpperCase(Locale.ROOT);
    }

    public long inputRecordBytes() {
        return inputBytes.stream().mapToLong(Long::longValue).sum();
    }

    public long outputRecordBytes() {
        return outputBytes.stream().mapToLong(Long::longValue).sum();
    }

    /** Byte offset of each input tensor inside one input record. */
    public List<Long> inputOffsets() {
        return offsets(inputBytes);
    }

    /** Byte offset of each output tensor inside one output record. */
    public List<Long> outputOffsets() {
        return offsets(outputBytes);
    }

    private static List<Long> offsets(List<Long> sizes) {
        List<Long> r = new ArrayList<>();
        long at = 0;
        for (long s : sizes) {
            r.add(at);
            at += s;
        }
        return r;
    }
}
