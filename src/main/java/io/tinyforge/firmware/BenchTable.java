package io.tinyforge.firmware;

import io.tinyforge.board.Board;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The markdown of {@code tinyforge bench}: one table per core (board), one row per model, our figures beside
 * TFLM's with reference kernels and with CMSIS-NN ({@link TflmBaselines}) and the ratios, plus a header with
 * the date, the git commit and the command.
 */
public final class BenchTable {

    /** One model on one board: either measured ({@code refusal == null}) or refused (does not fit). */
    public record Result(String model, Board board, long macs, int vectors, long instructions, long arenaBytes,
            CodeSize size, boolean equal, String refusal) {

        public static Result ran(String model, Board board, long macs, int vectors, long instructions, long arena,
                CodeSize size, boolean equal) {
            return new Result(model, board, macs, vectors, instructions, arena, size, equal, null);
        }

        public static Result refused(String model, Board board, long macs, String why) {
            return new Result(model, board, macs, 0, -1, -1, null, true, why);
        }
    }

    private final String command;
    private final TflmBaselines baselines;
    private final int vectors;
    private final boolean inPlace;
    private final List<Result> results = new ArrayList<>();
    private final String commit = commit();

    /** Records the git commit now, before the runs, so the header names the code that was measured. */
    public BenchTable(String command, TflmBaselines baselines, int vectors, boolean inPlace) {
        this.command = command;
        this.baselines = baselines;
        this.vectors = vectors;
        this.inPlace = inPlace;
    }

    public void add(Result r) {
        results.add(r);
    }

    /** Whether every firmware that ran reproduced the goldens byte for byte. */
    public boolean allEqual() {
        return results.stream().allMatch(Result::equal);
    }

    public String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Measured %s UTC at commit `%s` with `%s` (%s layout, first %d golden "
                + "vectors per run).%n%n", ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern(
                        "yyyy-MM-dd HH:mm")), commit, command, inPlace ? "default (in-place)" : "--no-in-place",
                vectors));
        Map<String, List<Result>> byBoard = new LinkedHashMap<>();
        for (Result r : results) {
            byBoard.computeIfAbsent(r.board().name(), k -> new ArrayList<>()).add(r);
        }
        for (List<Result> rows : byBoard.values()) {
            Board b = rows.get(0).board();
            boolean hasBase = rows.stream().anyMatch(r -> baselines.get(b.core(), r.model()) != null);
            sb.append(String.format(Locale.ROOT, "#### %s (`%s`, %s)%n%n", coreLabel(b.core()), b.name(),
                    hasBase ? "TFLM figures from the baseline file for " + coreLabel(b.core())
                            + (b.core().equals("cortex-m3") ? " (measured on mps2-an385)" : "")
                            : "no TFLM baseline for this core"));
            sb.append("| model | instructions / inference | instr / MAC | TFLM ref | ratio | TFLM + CMSIS-NN | ratio "
                    + "| arena B | TFLM CMSIS arena B | code B | TFLM CMSIS code B | code ratio | startup+console+main B "
                    + "| goldens |\n");
            sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
            for (Result r : rows) {
                sb.append(row(r)).append('\n');
            }
            sb.append('\n');
        }
        sb.append("**instructions** = mean QEMU TCG-plugin count per `NAME_invoke()` (instructions, not cycles); "
                + "**ratio** = ours / TFLM's; **code B** = the inference path's flash excluding weights (model.o + "
                + "tfg_*.o text + rodata + data after `--gc-sections`, from the linker map: `firmware.CodeSize`); "
                + "**TFLM CMSIS code B** = TFLM + CMSIS-NN minimal app with default registrations, code = text − "
                + "model bytes (includes framework and libc helpers); **startup+console+main B** = text of the fw_*.o "
                + "harness (vector table, reset handler, console, test main), not in code B; **goldens** = outputs "
                + "equal the TFLM goldens byte for byte.\n");
        return sb.toString();
    }

    private String row(Result r) {
        if (r.refusal() != null) {
            return "| " + r.model() + " | refused: " + r.refusal().replace("|", "/")
                    + " | | | | | | | | | | | | |";
        }
        TflmBaselines.Row base = baselines.get(r.board().core(), r.model());
        List<String> c = new ArrayList<>();
        c.add(r.model());
        c.add(num(r.instructions()));
        c.add(r.macs() > 0 ? String.format(Locale.ROOT, "%.2f", (double) r.instructions() / r.macs()) : "—");
        c.add(base == null ? "—" : num(base.refInstructions()));
        c.add(base == null ? "—" : ratio(r.instructions(), base.refInstructions()));
        c.add(base == null ? "—" : num(base.cmsisInstructions()));
        c.add(base == null ? "—" : ratio(r.instructions(), base.cmsisInstructions()));
        c.add(num(r.arenaBytes()));
        c.add(base == null ? "—" : num(base.cmsisArena()));
        c.add(num(r.size().codeBytes()));
        c.add(base == null ? "—" : num(base.cmsisCode()));
        c.add(base == null ? "—" : ratio(r.size().codeBytes(), base.cmsisCode()));
        c.add(num(r.size().bytes("harness", CodeSize.TEXT)));
        c.add(r.equal() ? "equal" : "**DIFFER**");
        return "| " + String.join(" | ", c) + " |";
    }

    private static String coreLabel(String core) {
        return switch (core) {
            case "cortex-m0", "cortex-m0plus" -> "M0";
            case "cortex-m3" -> "M3";
            case "cortex-m4" -> "M4";
            case "cortex-m7" -> "M7";
            case "cortex-m33" -> "M33";
            default -> core;
        };
    }

    private static String num(long v) {
        return v < 0 ? "—" : String.format(Locale.ROOT, "%,d", v);
    }

    private static String ratio(long ours, long theirs) {
        return theirs <= 0 ? "—" : String.format(Locale.ROOT, "%.3f×", (double) ours / theirs);
    }

    /** {@code git rev-parse --short HEAD} (with {@code +dirty} when the tree has changes), or "unknown". */
    static String commit() {
        try {
            String head = git("rev-parse", "--short", "HEAD");
            String status = git("status", "--porcelain", "--untracked-files=no");
            return head.isEmpty() ? "unknown" : head + (status.isEmpty() ? "" : "+dirty");
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static String git(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            return "";
        }
        return out;
    }
}
