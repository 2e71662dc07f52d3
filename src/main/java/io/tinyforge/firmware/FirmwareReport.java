package io.tinyforge.firmware;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tinyforge.board.Board;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The JSON report of {@code run --engine qemu --report R.json}: board, memory use (flash = text + data;
 * RAM = data + bss + reserved stack; the arena is inside bss), instructions per inference, commands used.
 */
public final class FirmwareReport {

    private FirmwareReport() {
    }

    /** The report as a JSON tree; {@code macs} per inference (0 if unknown) adds instructions per MAC. */
    public static ObjectNode toJson(String model, Board board, FirmwareRun run, long macs) {
        ObjectMapper om = new ObjectMapper();
        ObjectNode j = om.createObjectNode();
        j.put("model", model);
        j.put("board", board.name());
        j.put("core", board.core());
        j.put("emulator", "qemu-system-arm -M " + board.qemuMachine());
        MemoryUsage u = run.image().usage();
        j.put("flash_bytes", u.flashBytes());
        j.put("ram_bytes", u.ramBytes());
        j.put("ram_note", "data + bss + reserved stack; the arena is part of bss");
        j.put("text_bytes", u.text());
        j.put("data_bytes", u.data());
        j.put("bss_bytes", u.bss());
        j.put("stack_bytes", u.stack());
        j.put("stack_used_bytes", run.stackUsed());
        j.put("arena_bytes", u.arenaBytes());
        try {
            CodeSize.of(run.image().elf()).addTo(j);
        } catch (RuntimeException e) {
            j.put("code_size_error", String.valueOf(e.getMessage()));
        }
        j.put("vectors", run.instructions().isEmpty() ? 0 : run.instructions().size());
        double mean = run.meanInstructions();
        if (mean >= 0) {
            j.put("instructions_per_inference", Math.round(mean));
            ArrayNode each = j.putArray("instructions_each");
            run.instructions().forEach(each::add);
            if (macs > 0) {
                j.put("macs_per_inference", macs);
                j.put("instructions_per_mac", Math.round(mean / macs * 1000) / 1000.0);
            }
        } else {
            j.putNull("instructions_per_inference");
        }
        j.put("instructions_note", "QEMU TCG plugin count between markers around NAME_invoke(), marker overhead "
                + "subtracted; instructions, not cycles");
        ArrayNode cmds = j.putArray("commands");
        run.commands().forEach(cmds::add);
        return j;
    }

    public static void write(Path file, ObjectNode report) {
        try {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), report);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write report " + file, e);
        }
    }
}
