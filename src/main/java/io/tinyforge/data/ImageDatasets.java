package io.tinyforge.data;

import io.tinyforge.ir.ModelException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Locates and loads the MNIST-style datasets (MNIST, Fashion-MNIST) from a directory holding
 * {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte} and
 * {@code t10k-labels-idx1-ubyte}, each optionally gzipped (as Debian's dataset-fashion-mnist installs them).
 */
public final class ImageDatasets {

    /** The dataset names the CLI accepts. */
    public static final List<String> NAMES = List.of("fashion-mnist", "mnist");

    /** Where Debian's dataset-fashion-mnist package installs the files. */
    public static final Path DEBIAN_FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");

    private ImageDatasets() {
    }

    /** Checks a --dataset name; returns it in lower case. */
    public static String checkName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (!NAMES.contains(n)) {
            throw new ModelException("unknown dataset '" + name + "'; known: " + String.join(", ", NAMES));
        }
        return n;
    }

    /** The 60,000-image training split in {@code dir}. */
    public static LabeledImages train(Path dir) {
        return split(dir, "train");
    }

    /** The 10,000-image test split in {@code dir}. */
    public static LabeledImages test(Path dir) {
        return split(dir, "t10k");
    }

    /** True when {@code dir} holds both files of both splits. */
    public static boolean present(Path dir) {
        try {
            for (String s : List.of("train", "t10k")) {
                find(dir, s + "-images-idx3-ubyte");
                find(dir, s + "-labels-idx1-ubyte");
            }
            return true;
        } catch (ModelException e) {
            return false;
        }
    }

    private static LabeledImages split(Path dir, String prefix) {
        if (!Files.isDirectory(dir)) {
            throw new ModelException(dir + ": no such dataset directory");
        }
        return IdxReader.read(find(dir, prefix + "-images-idx3-ubyte"), find(dir, prefix + "-labels-idx1-ubyte"));
    }

    /** {@code dir/base}, or {@code dir/base.gz}; also accepts MNIST's dotted variant ({@code base} with '.idx'). */
    static Path find(Path dir, String base) {
        for (String name : List.of(base, base + ".gz", base.replace("-idx", ".idx"),
                base.replace("-idx", ".idx") + ".gz")) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new ModelException(dir + ": missing " + base + "[.gz]");
    }
}
