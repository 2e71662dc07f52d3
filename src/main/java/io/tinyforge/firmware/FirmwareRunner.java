package io.tinyforge.firmware;

import io.tinyforge.board.Board;
import io.tinyforge.emulator.ElfSymbols;
import io.tinyforge.emulator.EmulatorResult;
import io.tinyforge.emulator.InsnCountPlugin;
import io.tinyforge.emulator.QemuRunner;
import io.tinyforge.ir.ModelException;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Generated model directory + board + input vectors → firmware project → ELF → QEMU run → output records,
 * memory use and instructions per inference. The one place that ties firmware and emulator together.
 */
public final class FirmwareRunner {

    private final Board board;
    private final Duration timeout;
    private final Path pluginDir;

    /** @param pluginDir where the instruction-count plugin is built; null to run without counting */
    public FirmwareRunner(Board board, Duration timeout, Path pluginDir) {
        this.board = board;
        this.timeout = timeout;
        this.pluginDir = pluginDir;
    }

    /** Writes the project into {@code projectDir}, builds it and runs it in QEMU. */
    public FirmwareRun run(Path modelDir, TestVectors vectors, Path projectDir, String command) {
        if (!board.emulatedByQemu()) {
            throw new ModelException("board " + board.name() + " has no QEMU machine; emulated boards: use `tinyforge boards`");
        }
        ModelApi api = ModelApi.read(modelDir);
        new FirmwareProject(board, api, vectors, List.of(), command).write(modelDir, projectDir);
        FirmwareImage image = FirmwareBuild.build(projectDir, board, api);
        List<String> commands = new ArrayList<>(image.commands());
        QemuRunner qemu = new QemuRunner(board.qemuMachine(), board.console().semihosting(), timeout);
        EmulatorResult r;
        if (pluginDir != null) {
            InsnCountPlugin plugin = InsnCountPlugin.build(pluginDir);
            ElfSymbols syms = ElfSymbols.read(image.elf());
            r = qemu.run(image.elf(), plugin,
                    new long[] {syms.address("fw_mark_begin"), syms.address("fw_mark_end")});
        } else {
            r = qemu.run(image.elf());
        }
        commands.add(String.join(" ", r.command()));
        if (!r.ok()) {
            throw new IllegalStateException("firmware run on " + board.name() + " failed: " + r.describe());
        }
        byte[] outputs = parseOutputs(r, vectors);
        List<Long> insns = new ArrayList<>();
        List<Long> intervals = r.intervals();
        if (pluginDir != null) {
            if (intervals.size() != vectors.count() + 1) {
                throw new IllegalStateException("expected " + (vectors.count() + 1) + " counted intervals, got "
                        + intervals.size());
            }
            long overhead = intervals.get(0);
            for (int i = 1; i < intervals.size(); i++) {
                insns.add(intervals.get(i) - overhead);
            }
        }
        return new FirmwareRun(outputs, image, r, insns, stackUsed(r.console()), commands);
    }

    /** The {@code STACK <bytes>} line's value, or -1. */
    static long stackUsed(String console) {
        for (String line : console.split("\n")) {
            if (line.startsWith("STACK ")) {
                return Long.parseLong(line.substring(6).strip());
            }
        }
        return -1;
    }

    /** The {@code OUT <hex>} lines, decoded and concatenated; checks their number, length and the DONE line. */
    static byte[] parseOutputs(EmulatorResult r, TestVectors vectors) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int lines = 0;
        boolean done = false;
        for (String line : r.console().split("\n")) {
            if (line.startsWith("OUT ")) {
                byte[] rec = HexFormat.of().parseHex(line.substring(4).strip());
                if (rec.length != vectors.outputBytes()) {
                    throw new IllegalStateException("output line " + lines + " holds " + rec.length + " bytes, expected "
                            + vectors.outputBytes());
                }
                out.writeBytes(rec);
                lines++;
            } else if (line.equals("DONE")) {
                done = true;
            }
        }
        if (lines != vectors.count() || !done) {
            throw new IllegalStateException("firmware printed " + lines + " of " + vectors.count() + " output lines"
                    + (done ? "" : " and no DONE") + ": " + r.describe());
        }
        return out.toByteArray();
    }
}
