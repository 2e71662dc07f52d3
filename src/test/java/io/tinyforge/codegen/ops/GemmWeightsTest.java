package io.tinyforge.codegen.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.tinyforge.fixedpoint.FixedPoint;
import io.tinyforge.fixedpoint.Rounding;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The packed weights and channel records of {@link GemmWeights}, evaluated with the arithmetic of
 * {@code runtime-c/include/tfg_gemm.h} (SMLAD sums in the packed order, SMMLAR, correction, shift, saturation),
 * give TFLM's double-rounding rescaling ({@link FixedPoint#multiplyByQuantizedMultiplier}) plus the zero point for
 * random weights, biases, shifts from -30 to +3 and random inputs.
 */
class GemmWeightsTest {

    @Test
    void packedArithmeticEqualsTflmRescalingForEveryShift() {
        Random rnd = new Random(6);
        for (int trial = 0; trial < 200; trial++) {
            int rows = 1 + rnd.nextInt(9);
            int k = 1 + rnd.nextInt(23);
            boolean fourRows = rnd.nextBoolean();
            int inputOffset = -127 + rnd.nextInt(256);
            int outputOffset = -128 + rnd.nextInt(256);
            byte[] w = new byte[rows * k];
            rnd.nextBytes(w);
            int[] bias = new int[rows];
            int[] mult = new int[rows];
            int[] shift = new int[rows];
            for (int r = 0; r < rows; r++) {
                bias[r] = rnd.nextInt(1 << 20) - (1 << 19);
                mult[r] = (1 << 30) + rnd.nextInt(1 << 30);
                shift[r] = -30 + rnd.nextInt(34);
            }
            GemmWeights gw = GemmWeights.pack(w, bias, rows, k, mult, shift, inputOffset, outputOffset, fourRows);
            assertNotNull(gw, "trial " + trial + ": small accumulators must be packable");
            short[] packed = gw.packedWeights();
            int[] ch = gw.channelWords();
            int groups = (k + 3) / 4;
            for (int v = 0; v < 20; v++) {
                int[] x = new int[4 * groups]; // x + input_offset, zero past k
                for (int i = 0; i < k; i++) {
                    x[i] = -128 + rnd.nextInt(256) + inputOffset;
                }
                for (int r = 0; r < rows; r++) {
                    long acc = bias[r];
                    for (int i = 0; i < k; i++) {
                        acc += (long) w[r * k + i] * x[i];
                    }
                    int expected = FixedPoint.clampInt8(
                            FixedPoint.multiplyByQuantizedMultiplier((int) acc, mult[r], shift[r], Rounding.DOUBLE)
                                    + outputOffset);
                    int a = ch[4 * r];
                    for (int g = 0; g < groups; g++) {
                        int base = fourRows ? (r / 4) * groups * 16 + g * 16 + (r % 4) * 4 : (r * groups + g) * 4;
                        // packed order (k0, k2, k1, k3) against the columns' (x0, x2, x1, x3)
                        a += packed[base] * x[4 * g] + packed[base + 1] * x[4 * g + 2]
                                + packed[base + 2] * x[4 * g + 1] + packed[base + 3] * x[4 * g + 3];
                    }
                    int m = ch[4 * r + 1];
                    int round = ch[4 * r + 2];
                    int sh = ch[4 * r + 3];
                    int c = sh >> 8;
                    int smmlar = round + (int) (((long) a * m + (1L << 31)) >> 32);
                    int corr = c >= 32 ? 0 : a >>> c;
                    int y = ((smmlar - corr) >> (sh & 255)) + gw.zeroPointAfter();
                    assertEquals(expected, FixedPoint.clampInt8(y), "trial " + trial + " vector " + v + " row " + r
                            + " shift " + shift[r]);
                }
            }
        }
    }
}
