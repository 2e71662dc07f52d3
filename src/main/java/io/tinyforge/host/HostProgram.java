package io.tinyforge.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A compiled host harness: feeds input records through the generated model and returns the output records. */
public final class HostProgram {
    private final Path exe;
    private final Path workDir;

    HostProgram(Path exe, Path workDir) {
        this.exe = exe;
        this.workDir = workDir;
    }

    public Path executable() {
        return exe;
    }

    /** Runs every record of {@code inputRecords} (concatenated) and returns the concatenated output records. */
    public byte[] run(byte[] inputRecords) {
        try {
            Path in = workDir.resolve("inputs.bin");
            Path out = workDir.resolve("outputs.bin");
            Files.write(in, inputRecords);
            Files.deleteIfExists(out);
            HostBuild.Result r = HostBuild.exec(List.of(exe.toString(), in.toString(), out.toString()), workDir, 3600);
            if (r.code() != 0) {
                throw new HostBuildException("generated model failed on the host (exit " + r.code() + "): "
                        + r.output().strip());
            }
            return Files.readAllBytes(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
