package io.tinyforge.quantize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The TFLite quantization formulas on hand-computed cases. */
class QuantRulesTest {

    @Test
    void asymmetricIncludesZeroAndRoundsTheZeroPoint() {
        // [0, 6]: scale 6/255, zp = -128 - 0 = -128
        assertEquals(new Affine(6f / 255f, -128), QuantRules.asymmetric(1f, 6f));
        // [-1, 1]: scale 2/255, zp = -128 + 127.5 = -0.5 -> rounds half away from zero to -1
        assertEquals(new Affine(2f / 255f, -1), QuantRules.asymmetric(-1f, 1f));
        // [-3, -1] widens to [-3, 0]: zp = -128 + 255 = 127
        assertEquals(new Affine(3f / 255f, 127), QuantRules.asymmetric(-3f, -1f));
    }

    @Test
    void perChannelWeightsAlongAxisZeroAndThree() {
        float[] w = {0.9f, -2f, 0.5f, 0.2f}; // dims [2, 2]: channel 0 = {0.9, -2}, channel 1 = {0.5, 0.2}
        byte[] q = new byte[4];
        float[] s = QuantRules.quantizePerChannel(w, new int[] {2, 2}, 0, q);
        assertArrayEquals(new float[] {2f / 127f, 0.5f / 127f}, s);
        // 0.9 * 63.5 = 57.15 -> 57, -2 -> -127, 0.5 -> 127, 0.2 * 254 = 50.8 -> 51
        assertArrayEquals(new byte[] {57, -127, 127, 51}, q);
        float[] s3 = QuantRules.quantizePerChannel(w, new int[] {1, 1, 2, 2}, 3, q);
        // axis 3 (depthwise): channel 0 = {0.9, 0.5}, channel 1 = {-2, 0.2}; 0.5 * 127 / 0.9 = 70.6 -> 71
        assertArrayEquals(new float[] {0.9f / 127f, 2f / 127f}, s3);
        assertArrayEquals(new byte[] {127, -127, 71, 13}, q);
    }

    @Test
    void biasUsesInputTimesWeightScale() {
        float[] bs = new float[2];
        int[] b = QuantRules.quantizeBias(new float[] {1f, -0.3f}, 0.5f, new float[] {0.01f, 0.1f}, bs);
        assertArrayEquals(new float[] {0.5f * 0.01f, 0.5f * 0.1f}, bs);
        assertArrayEquals(new int[] {200, -6}, b);
    }

    @Test
    void float16RoundsToNearestEven() {
        assertEquals((short) 0x3c00, Half.fromFloat(1f));
        assertEquals((short) 0xc000, Half.fromFloat(-2f));
        assertEquals((short) 0x7bff, Half.fromFloat(65504f));
        assertEquals((short) 0x7c00, Half.fromFloat(1e6f));
        assertEquals((short) 0x0001, Half.fromFloat(0x1p-24f));
        // 1 + 2^-11 is halfway between 1 and 1 + 2^-10: ties to even (1.0)
        assertEquals((short) 0x3c00, Half.fromFloat(1f + 0x1p-11f));
        assertEquals(0.333251953125f, Half.toFloat(Half.fromFloat(1f / 3f)));
    }
}
