package io.tinyforge.codegen;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The C runtime ({@code runtime-c/}) as classpath resources, so generation works from the jar too. */
public final class RuntimeFiles {
    private static final String ROOT = "/runtime-c/";

    private RuntimeFiles() {
    }

    /** File names of every header in {@code runtime-c/include}, sorted. */
    public static List<String> headers() {
        URL marker = RuntimeFiles.class.getResource(ROOT + "include/tfg_types.h");
        if (marker == null) {
            throw new IllegalStateException("runtime-c/include is not on the classpath (broken build)");
        }
        try {
            URI uri = marker.toURI();
            Path dir;
            if ("jar".equals(uri.getScheme())) {
                dir = jarFileSystem(uri).provider().getPath(uri).getParent();
            } else {
                dir = Path.of(uri).getParent();
            }
            try (Stream<Path> s = Files.list(dir)) {
                return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".h")).sorted().toList();
            }
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static java.nio.file.FileSystem jarFileSystem(URI uri) throws IOException {
        try {
            return FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            return FileSystems.getFileSystem(uri);
        }
    }

    /** The bytes of {@code runtime-c/<relative>} (e.g. {@code include/tfg_nn.h}, {@code src/conv/x.c}). */
    public static byte[] read(String relative) {
        try (InputStream in = RuntimeFiles.class.getResourceAsStream(ROOT + relative)) {
            if (in == null) {
                throw new IllegalStateException("runtime-c/" + relative + " does not exist (named by an emitter)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
