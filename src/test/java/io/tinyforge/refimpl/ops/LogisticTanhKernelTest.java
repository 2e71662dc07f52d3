package io.tinyforge.refimpl.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tinyforge.ir.DType;
import io.tinyforge.ir.ModelException;
import io.tinyforge.ir.NoOptions;
import io.tinyforge.ir.OpType;
import io.tinyforge.ir.Shape;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * LOGISTIC and TANH over all 256 int8 inputs for several input quantizations: within one output step of the
 * real function, monotonic, exact at the zero point, saturated beyond the input radius; and rejections.
 */
class LogisticTanhKernelTest {
    private static final float[] SCALES = {0.002f, 0.0235f, 0.05f, 0.1f, 0.125f, 0.3f};
    private static final int[] ZERO_POINTS = {-128, -5, 0, 31, 127};

    private static byte[] allInt8() {
        byte[] in = new byte[256];
        for (int i = 0; i < 256; i++) {
            in[i] = (byte) (i - 128);
        }
        return in;
    }

    private static void checkAll(OpType type, float outScale, int outZp, DoubleUnaryOperator f) {
        var kernel = type == OpType.LOGISTIC ? new LogisticKernel() : null;
        for (float s : SCALES) {
            for (int zp : ZERO_POINTS) {
                ActivationTestGraph g = ActivationTestGraph.of(type, NoOptions.INSTANCE, Shape.of(1, 256), DType.INT8, s, zp, DType.INT8,
                        outScale, outZp);
                byte[] in = allInt8();
                byte[] out = kernel != null ? g.run(kernel, in) : g.run(new TanhKernel(), in);
                for (int i = 0; i < 256; i++) {
                    double real = s * (in[i] - zp);
                    double q = Math.max(-128, Math.min(127, f.applyAsDouble(real) / outScale + outZp));
                    String where = type + " scale " + s + " zp " + zp + " x " + in[i];
                    assertTrue(Math.abs(out[i] - q) <= 1.0, where + ": " + out[i] + " vs real " + q);
                    if (i > 0) {
                        assertTrue(out[i] >= out[i - 1], where + ": not monotonic");
                    }
                    if (in[i] == zp) {
                        // logistic(0) = 1/2 -> 128 steps of 1/256 above -128; tanh(0) = 0
                        assertEquals((int) Math.round(f.applyAsDouble(0) / outScale) + outZp, out[i],
                                where + ": f(0) must be exact");
                    }
                }
            }
        }
    }

    @Test
    void logisticIsWithinOneStepOfSigmoid() {
        checkAll(OpType.LOGISTIC, 1.0f / 256, -128, x -> 1 / (1 + Math.exp(-x)));
    }

    @Test
    void tanhIsWithinOneStepOfTanh() {
        checkAll(OpType.TANH, 1.0f / 128, 0, Math::tanh);
    }

    @Test
    void inputRadiusAndMultiplierFollowFrexpOfScale() {
        // scale 0.125 * 2^27 = 2^24 = 0.5 * 2^25: multiplier 2^30, shift 25; radius floor(15 * 2^27 / 2^25) = 60
        ActivationTestGraph g = ActivationTestGraph.of(OpType.LOGISTIC, NoOptions.INSTANCE, Shape.of(4), DType.INT8, 0.125f, 0,
                DType.INT8, 1.0f / 256, -128);
        LogisticParams p = g.prepare(new LogisticKernel());
        assertEquals(1 << 30, p.inputMultiplier());
        assertEquals(25, p.inputShift());
        assertEquals(60, p.inputRangeRadius());
        // at and beyond the radius (7.5) the output saturates
        byte[] out = g.run(new LogisticKernel(), new byte[] {60, -60, 59, -59});
        assertEquals(127, out[0]);
        assertEquals(-128, out[1]);
        assertEquals(127, out[2]); // sigmoid(7.375) * 256 = 255.84 -> 256 - 128 saturates too
        assertEquals(-128, out[3]);
    }

    @Test
    void wrongOutputQuantizationIsRejectedInOneLine() {
        ActivationTestGraph lg = ActivationTestGraph.of(OpType.LOGISTIC, NoOptions.INSTANCE, Shape.of(4), DType.INT8, 0.1f, 0,
                DType.INT8, 1.0f / 128, 0);
        ModelException e = assertThrows(ModelException.class, () -> lg.prepare(new LogisticKernel()));
        assertTrue(e.getMessage().startsWith("operator 0 LOGISTIC") && e.getMessage().contains("1/256"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        ActivationTestGraph tg = ActivationTestGraph.of(OpType.TANH, NoOptions.INSTANCE, Shape.of(4), DType.INT8, 0.1f, 0,
                DType.INT8, 1.0f / 256, -128);
        e = assertThrows(ModelException.class, () -> tg.prepare(new TanhKernel()));
        assertTrue(e.getMessage().startsWith("operator 0 TANH") && e.getMessage().contains("1/128"), e.getMessage());
    }

    @Test
    void mixedTypesAreRejected() {
        ActivationTestGraph g = ActivationTestGraph.of(OpType.TANH, NoOptions.INSTANCE, Shape.of(4), DType.INT16,
                1.0f / 4096, 0, DType.INT8, 1.0f / 128, 0);
        ModelException e = assertThrows(ModelException.class, () -> g.prepare(new TanhKernel()));
        assertTrue(e.getMessage().contains("int16 to int8"), e.getMessage());
    }

    private static ActivationTestGraph int16(OpType type, float inScale, int inZp, float outScale) {
        return ActivationTestGraph.of(type, NoOptions.INSTANCE, Shape.of(65536), DType.INT16, inScale, inZp,
                DType.INT16, outScale, 0);
    }

    @Test
    void int16InputScalingFollowsTflmPrepare() {
        // 2^-12 is the power-of-two case for both (left shift (15 - 3) - 12 = 0); tanh also accepts 2^-11 (shift 1)
        LogisticParams l = int16(OpType.LOGISTIC, 1.0f / 4096, 0, 1.0f / 32768).prepare(new LogisticKernel());
        assertEquals(0, l.inputMultiplier());
        assertEquals(0, l.inputShift());
        TanhParams t = int16(OpType.TANH, 1.0f / 2048, 0, 1.0f / 32768).prepare(new TanhKernel());
        assertEquals(0, t.inputMultiplier());
        assertEquals(1, t.inputShift());
        // 2^-11 is not the power-of-two case for logistic: 2^-11 * 3 * 4096 = 6 doubled 12 times = 24576 > 32767/2
        l = int16(OpType.LOGISTIC, 1.0f / 2048, 0, 1.0f / 32768).prepare(new LogisticKernel());
        assertEquals(24576, l.inputMultiplier());
        assertEquals(12, l.inputShift());
        // 1/3000: 4.096 doubled 12 times = 16777.2, truncated
        t = int16(OpType.TANH, 1.0f / 3000, 0, 1.0f / 32768).prepare(new TanhKernel());
        assertEquals(16777, t.inputMultiplier());
        assertEquals(12, t.inputShift());
    }

    @Test
    void int16OutputsFollowTheRealFunctions() {
        byte[] in = new byte[2 * 65536];
        for (int i = 0; i < 65536; i++) {
            in[2 * i] = (byte) i;
            in[2 * i + 1] = (byte) (i >> 8);
        }
        for (float s : new float[] {1.0f / 4096, 1.0f / 2048, 1.0f / 3000, 1.0f / 10000}) {
            byte[] lo = int16(OpType.LOGISTIC, s, 0, 1.0f / 32768).run(new LogisticKernel(), in);
            byte[] to = int16(OpType.TANH, s, 0, 1.0f / 32768).run(new TanhKernel(), in);
            double worstL = 0;
            double worstT = 0;
            int prevL = Integer.MIN_VALUE;
            for (int i = 0; i < 65536; i++) {
                short x = (short) (i - 32768);
                int k = x & 0xffff;
                int l = (short) ((lo[2 * k] & 0xff) | (lo[2 * k + 1] << 8));
                int t = (short) ((to[2 * k] & 0xff) | (to[2 * k + 1] << 8));
                worstL = Math.max(worstL, Math.abs(l / 32768.0 - 1 / (1 + Math.exp(-s * x))));
                worstT = Math.max(worstT, Math.abs(t / 32768.0 - Math.tanh(s * x)));
                assertTrue(l >= prevL, "logistic int16 not monotonic at " + x);
                prevL = l;
            }
            // the 256-entry table at steps of 1/24 interpolated linearly: error below 2^-11
            assertTrue(worstL < 1.0 / 2048, "logistic scale " + s + " worst " + worstL);
            assertTrue(worstT < 1.0 / 1024, "tanh scale " + s + " worst " + worstT);
        }
    }

    @Test
    void int16QuantizationIsCheckedInOneLine() {
        ModelException e = assertThrows(ModelException.class,
                () -> int16(OpType.LOGISTIC, 1.0f / 4096, 3, 1.0f / 32768).prepare(new LogisticKernel()));
        assertTrue(e.getMessage().contains("zero point 0"), e.getMessage());
        e = assertThrows(ModelException.class,
                () -> int16(OpType.TANH, 1.0f / 4096, 0, 1.0f / 256).prepare(new TanhKernel()));
        assertTrue(e.getMessage().contains("2^-15"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }
}
