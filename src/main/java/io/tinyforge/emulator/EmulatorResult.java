package io.tinyforge.emulator;

import java.util.List;

/**
 * One emulator run: outcome, the program's exit status (-1 if none), its console text (stdout), the
 * emulator's own messages (stderr), the command line, wall time, and the per-interval instruction counts
 * when the counting plugin was used (else empty).
 */
public record EmulatorResult(Outcome outcome, int status, String console, String emulatorLog, List<String> command,
        long millis, List<Long> intervals) {

    public EmulatorResult {
        command = List.copyOf(command);
        intervals = List.copyOf(intervals);
    }

    public boolean ok() {
        return outcome == Outcome.SUCCESS;
    }

    /** One line for a failure message: outcome, status, command and the last console/emulator lines. */
    public String describe() {
        return outcome + " (" + outcome.meaning() + ", status " + status + ") after " + millis + " ms: "
                + String.join(" ", command) + lastLines("console", console) + lastLines("emulator", emulatorLog);
    }

    private static String lastLines(String what, String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return "";
        }
        if (t.length() > 300) {
            t = "..." + t.substring(t.length() - 300);
        }
        return " | " + what + ": " + t.replace('\n', '/');
    }
}
