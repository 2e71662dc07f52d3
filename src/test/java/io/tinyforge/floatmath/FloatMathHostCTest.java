package io.tinyforge.floatmath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinyforge.fixtures.SplitMix64;
import io.tinyforge.testing.Bytes;
import io.tinyforge.testing.NativeProgram;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Float16} and {@link FloatExp} against their C twins in {@code runtime-c/include/tfg_float.h}, bit for
 * bit (every one of the 65,536 halves; 200,000 exp arguments over [-100, 100] plus edge values), and against
 * the true values: half widening is exact, narrowing round-trips, exp is within 2 ulp of Math.exp.
 */
class FloatMathHostCTest {

    @TempDir
    Path tmp;

    private static final String DRIVER = """
            #include <stdio.h>
            #include <string.h>
            #include "tfg_float.h"
            int main(int argc, char **argv)
            {
                if (argc > 1 && strcmp(argv[1], "f16") == 0) {
                    unsigned h;
                    for (h = 0; h < 65536u; ++h) {
                        float f = tfg_f16_to_f32((uint16_t)h);
                        fwrite(&f, 4, 1, stdout);
                    }
                } else {
                    float x;
                    while (fread(&x, 4, 1, stdin) == 1) {
                        float y = tfg_expf(x);
                        fwrite(&y, 4, 1, stdout);
                    }
                }
                return 0;
            }
            """;

    private NativeProgram driver() {
        Path src = NativeProgram.write(tmp, "driver.c", DRIVER);
        Path include = Path.of("runtime-c", "include").toAbsolutePath();
        return NativeProgram.build("gcc", List.of("-std=c99", "-O2", "-ffp-contract=off", "-Wall", "-Wextra",
                "-Werror", "-pedantic", "-I", include.toString()), List.of(src), tmp);
    }

    @Test
    void halfWideningMatchesCForAllHalvesAndRoundTrips() {
        byte[] c = driver().run(new byte[0], "f16");
        ByteBuffer java = ByteBuffer.allocate(4 * 65536).order(ByteOrder.LITTLE_ENDIAN);
        for (int h = 0; h < 65536; h++) {
            float f = Float16.toFloat(h);
            java.putFloat(f);
            if (!Float.isNaN(f)) {
                assertEquals((short) h, Float16.fromFloat(f), "half " + Integer.toHexString(h) + " round trip");
            }
        }
        Bytes.assertSame("tfg_f16_to_f32 vs Float16.toFloat, element = half bits", java.array(), c, 4);
        assertEquals(65504f, Float16.toFloat(0x7bff), "largest half");
        assertEquals((float) Math.pow(2, -24), Float16.toFloat(1), "smallest subnormal half");
        assertEquals(0x3c00, Float16.fromFloat(1.0f + 0x1p-11f) & 0xffff, "tie rounds to even");
        assertEquals(0x7c00, Float16.fromFloat(65520f) & 0xffff, "overflow to infinity");
    }

    @Test
    void expMatchesCBitForBitAndIsWithinTwoUlp() {
        SplitMix64 r = new SplitMix64(42);
        int n = 200_000;
        float[] edge = {0f, -0f, 1f, -1f, 88.72283f, 88.7229f, -87.33654f, -87.3366f, 1e-8f, -1e-8f, 0.3465736f,
            -0.3465736f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 88f, -87f};
        ByteBuffer in = ByteBuffer.allocate(4 * (n + edge.length)).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer expected = ByteBuffer.allocate(4 * (n + edge.length)).order(ByteOrder.LITTLE_ENDIAN);
        double worst = 0;
        for (int i = 0; i < n + edge.length; i++) {
            float x = i < n ? r.uniform(-100, 100) : edge[i - n];
            float y = FloatExp.exp(x);
            in.putFloat(x);
            expected.putFloat(y);
            double truth = Math.exp(x);
            if (x >= FloatExp.MIN_ARG && x <= FloatExp.MAX_ARG) {
                double ulp = Math.ulp((float) truth);
                worst = Math.max(worst, Math.abs(y - truth) / ulp);
            }
        }
        byte[] c = driver().run(in.array(), "exp");
        Bytes.assertSame("tfg_expf vs FloatExp.exp (index = argument number)", expected.array(), c, 4);
        System.out.println("FloatExp: worst error " + worst + " ulp over " + n + " arguments");
        assertTrue(worst <= 2.0, "FloatExp error " + worst + " ulp");
        assertEquals(Float.POSITIVE_INFINITY, FloatExp.exp(89f));
        assertEquals(0f, FloatExp.exp(-88f));
        assertTrue(Float.isNaN(FloatExp.exp(Float.NaN)));
    }
}
