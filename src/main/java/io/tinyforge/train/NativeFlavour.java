package io.tinyforge.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Chooses which of the two ND4J native builds on the class path JavaCPP loads: the oneDNN build for AVX2 CPUs
 * (about 3× faster training) when the CPU has AVX2 and FMA, otherwise the generic x86-64 build. JavaCPP itself
 * would try the AVX2 build first on any CPU and crash on an illegal instruction where AVX2 is missing, so the
 * choice is made here, once, before ND4J is first touched. A value the user set with
 * {@code -Dorg.bytedeco.javacpp.platform.extension=...} is left alone.
 */
public final class NativeFlavour {

    /** The JavaCPP system property naming the native build's classifier suffix ("" for the generic one). */
    public static final String PROPERTY = "org.bytedeco.javacpp.platform.extension";

    private static final String ONEDNN_AVX2 = "-onednn-avx2";

    private NativeFlavour() {
    }

    /** Sets {@link #PROPERTY} from the CPU's flags unless it is already set; returns the value in force. */
    public static synchronized String select() {
        String set = System.getProperty(PROPERTY);
        if (set != null) {
            return set;
        }
        String choice = hasAvx2(cpuFlags()) ? ONEDNN_AVX2 : "";
        System.setProperty(PROPERTY, choice);
        return choice;
    }

    /** True when both AVX2 and FMA are among {@code flags} (what the AVX2 build is compiled for). */
    static boolean hasAvx2(Set<String> flags) {
        return flags.contains("avx2") && flags.contains("fma");
    }

    /** The first "flags" line of /proc/cpuinfo as a set; empty where it cannot be read (not Linux). */
    static Set<String> cpuFlags() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                int colon = line.indexOf(':');
                if (line.startsWith("flags") && colon > 0) {
                    return new HashSet<>(Arrays.asList(line.substring(colon + 1).trim().split("\\s+")));
                }
            }
        } catch (IOException | RuntimeException e) {
            return Set.of();
        }
        return Set.of();
    }
}
