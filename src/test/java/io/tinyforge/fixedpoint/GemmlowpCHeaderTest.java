package io.tinyforge.fixedpoint;

import io.tinyforge.testing.Bytes;
import io.tinyforge.testing.NativeProgram;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * runtime-c's tfg_gemmlowp.h (built with gcc -std=c99 -Wall -Wextra -Werror -pedantic) against the Java
 * helpers, raw value for raw value, over random and edge inputs. Skipped with a message when gcc is missing.
 */
class GemmlowpCHeaderTest {
    private static NativeProgram driver;
    /** The same driver built with -DTFG_FORCE_REFERENCE (portable paths instead of compiler builtins). */
    private static NativeProgram portable;

    @BeforeAll
    static void build(@TempDir Path dir) {
        NativeProgram.write(dir, "tfg_config.h", "#ifndef TFG_CONFIG_H\n#define TFG_CONFIG_H\n"
                + "#define TFG_SINGLE_ROUNDING 0\n#endif\n");
        driver = NativeProgram.build("gcc", List.of("-std=c99", "-Wall", "-Wextra", "-Werror", "-pedantic", "-O2",
                "-Iruntime-c/include", "-I" + dir), List.of(Path.of("src/test/resources/runtime-c/gemmlowp_driver.c")),
                dir);
        Path dir2 = dir.resolve("portable");
        try {
            Files.createDirectories(dir2);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        portable = NativeProgram.build("gcc", List.of("-std=c99", "-Wall", "-Wextra", "-Werror", "-pedantic", "-O2",
                "-DTFG_FORCE_REFERENCE", "-Iruntime-c/include", "-I" + dir),
                List.of(Path.of("src/test/resources/runtime-c/gemmlowp_driver.c")), dir2);
    }

    private static int[] inputs(long lo, long hi, long seed) {
        Random rnd = new Random(seed);
        int[] v = new int[50_000];
        for (int i = 0; i < v.length; i++) {
            v[i] = i < 500 ? (int) Math.min(hi, lo + i)
                    : i < 1000 ? (int) Math.max(lo, hi - (i - 500))
                    : (int) (lo + Math.floorMod(rnd.nextLong(), hi - lo + 1));
        }
        return v;
    }

    private static void compare(String fn, int[] in, IntFunction<int[]> javaFn) {
        compare(driver, fn, in, javaFn);
    }

    private static void compare(NativeProgram prog, String fn, int[] in, IntFunction<int[]> javaFn) {
        ByteBuffer bin = ByteBuffer.allocate(4 * in.length).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer mine = ByteBuffer.allocate(8 * in.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int x : in) {
            bin.putInt(x);
            for (int r : javaFn.apply(x)) {
                mine.putInt(r);
            }
        }
        byte[] expected = Arrays.copyOf(mine.array(), mine.position());
        Bytes.assertSame("tfg_gemmlowp.h " + fn, expected, prog.run(bin.array(), fn), 4);
    }

    @Test
    void cHelpersMatchJava() {
        int[] negative = inputs(Integer.MIN_VALUE, 0, 1);
        compare("exp5", negative, a -> new int[] {GemmlowpExp.expOnNegativeValues(a, 5)});
        compare("exp6", negative, a -> new int[] {GemmlowpExp.expOnNegativeValues(a, 6)});
        compare("one_over_one_plus_x", inputs(0, Integer.MAX_VALUE, 2),
                a -> new int[] {GemmlowpReciprocal.oneOverOnePlusXForXIn01(a)});
        int[] any = inputs(Integer.MIN_VALUE, Integer.MAX_VALUE, 3);
        compare("tanh4", any, a -> new int[] {GemmlowpTanh.tanh(a, 4)});
        compare("logistic4", any, a -> new int[] {GemmlowpLogistic.logistic(a, 4)});
        compare("reciprocal12", inputs(1, Integer.MAX_VALUE, 4), a -> {
            ScaledReciprocal r = ScaledReciprocal.of(a, 12);
            return new int[] {r.scale(), r.numBitsOverUnit()};
        });
    }

    @Test
    void portableReciprocalMatchesJava() {
        compare(portable, "reciprocal12", inputs(1, Integer.MAX_VALUE, 5), a -> {
            ScaledReciprocal r = ScaledReciprocal.of(a, 12);
            return new int[] {r.scale(), r.numBitsOverUnit()};
        });
    }
}
