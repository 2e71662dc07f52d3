package io.tinyforge.cli;

import io.tinyforge.board.Board;
import io.tinyforge.board.Boards;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code tinyforge boards}: the board catalogue (core, memories, console, emulator). */
final class BoardsCommand implements Command {

    @Override
    public String name() {
        return "boards";
    }

    @Override
    public String arguments() {
        return "";
    }

    @Override
    public String summary() {
        return "list the boards for generate/run --board (core, flash, RAM, console, emulator)";
    }

    @Override
    public Options options() {
        return new Options();
    }

    @Override
    public int run(CommandLine cl, Invocation inv) {
        String fmt = "%-21s %-14s %-12s %9s %9s  %-15s %s%n";
        inv.out().printf(Locale.ROOT, fmt, "BOARD", "CORE", "FPU", "FLASH", "RAM", "CONSOLE", "EMULATOR");
        for (Board b : Boards.builtin().all()) {
            String emu = b.emulatedByQemu() ? "qemu -M " + b.qemuMachine()
                    : b.emulatedByRenode() ? "renode (" + b.renodePlatform() + ")" : "-";
            if (b.emulatedByQemu() && b.emulatedByRenode()) {
                emu += ", renode";
            }
            String console = b.console().semihosting() ? "semihosting" : b.console().uart();
            inv.out().printf(Locale.ROOT, fmt, b.name(), b.core() + (b.dsp() ? "+dsp" : ""),
                    b.fpu() == null ? "-" : b.fpu(), kib(b.flash().size()), kib(b.ram().size()), console, emu);
        }
        return 0;
    }

    private static String kib(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB" : bytes / 1024 + " KiB";
    }
}
