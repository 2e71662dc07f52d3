package io.tinyforge.codegen;

import io.tinyforge.memory.ArenaPlan;
import java.nio.file.Path;
import java.util.List;

/** What {@link CodeGenerator} wrote: the directory, the C name, the file names (sorted) and the arena plan. */
public record GeneratedModel(Path dir, String name, List<String> files, ArenaPlan plan) {

    public GeneratedModel {
        files = List.copyOf(files);
    }
}
