package io.tinyforge.fixedpoint;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tinyforge.testing.Bytes;
import io.tinyforge.testing.NativeProgram;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java gemmlowp helpers against gemmlowp itself: a small C++ program (src/test/resources/oracle) built with
 * the header of Debian's libgemmlowp-dev evaluates the same raw inputs. Skipped with a message when g++ or
 * the header is missing ({@code apt-get install g++ libgemmlowp-dev}).
 */
class GemmlowpOracleTest {
    private static final Path HEADER = Path.of("/usr/include/gemmlowp/fixedpoint/fixedpoint.h");
    private static NativeProgram oracle;

    @BeforeAll
    static void build(@TempDir Path dir) {
        assumeTrue(Files.exists(HEADER), "skipped: " + HEADER + " not found (apt-get install libgemmlowp-dev)");
        oracle = NativeProgram.build("g++", List.of("-O2", "-std=c++14", "-I/usr/include"),
                List.of(Path.of("src/test/resources/oracle/gemmlowp_oracle.cc")), dir);
    }

    /** Random values in [lo, hi] plus the ends and a dense run near each end. */
    private static int[] inputs(long lo, long hi, long seed) {
        Random rnd = new Random(seed);
        int n = 100_000;
        int[] v = new int[n];
        for (int i = 0; i < n; i++) {
            if (i < 1000) {
                v[i] = (int) Math.min(hi, lo + i);
            } else if (i < 2000) {
                v[i] = (int) Math.max(lo, hi - (i - 1000));
            } else {
                v[i] = (int) (lo + Math.floorMod(rnd.nextLong(), hi - lo + 1));
            }
        }
        return v;
    }

    private static void compare(String fn, int[] in, IntUnaryOperator java) {
        ByteBuffer bin = ByteBuffer.allocate(4 * in.length).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer mine = ByteBuffer.allocate(4 * in.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int x : in) {
            bin.putInt(x);
            mine.putInt(java.applyAsInt(x));
        }
        byte[] expected = oracle.run(bin.array(), fn);
        Bytes.assertSame("gemmlowp " + fn, expected, mine.array(), 4);
    }

    @Test
    void expOnNegativeValuesMatchesGemmlowp() {
        int[] in = inputs(Integer.MIN_VALUE, 0, 1);
        compare("exp5", in, a -> GemmlowpExp.expOnNegativeValues(a, 5));
        compare("exp4", in, a -> GemmlowpExp.expOnNegativeValues(a, 4));
        compare("exp6", in, a -> GemmlowpExp.expOnNegativeValues(a, 6));
    }

    @Test
    void divisionsMatchGemmlowp() {
        int[] in = inputs(0, Integer.MAX_VALUE, 2);
        compare("one_over_one_plus_x", in, GemmlowpReciprocal::oneOverOnePlusXForXIn01);
        compare("one_minus_x_over_one_plus_x", in, GemmlowpReciprocal::oneMinusXOverOnePlusXForXIn01);
    }

    @Test
    void tanhAndLogisticMatchGemmlowp() {
        int[] in = inputs(Integer.MIN_VALUE + 1, Integer.MAX_VALUE, 3);
        compare("tanh4", in, a -> GemmlowpTanh.tanh(a, 4));
        compare("logistic4", in, a -> GemmlowpLogistic.logistic(a, 4));
    }
}
