package io.tinyforge.fixedpoint;

/**
 * The int16 sigmoid and tanh of TFLite's {@code reference_integer_ops::Logistic/Tanh} (int16 variants), as the
 * integer LSTM uses them: linear interpolation in a 256-entry table of sigmoid(i/24) in unsigned Q0.16, with
 * tanh(x) = 2 sigmoid(2x) - 1. Inputs are Q3.12 after the input scaling; outputs are Q0.15.
 */
public final class Int16Activations {

    /**
     * sigmoid(i/24) * 2^16 for i in [0, 255], clamped to 65535 at the top. The values are TFLite's
     * {@code sigmoid_table_uint16} (Apache-2.0, shared by TFLM and CMSIS-NN); they are data, not derivable by a
     * single rounding rule (several entries differ from round(2^16 sigmoid(i/24)) by 1 or 2), so bit-exactness
     * needs them verbatim.
     */
    private static final int[] SIGMOID_TABLE = {
            32768, 33451, 34133, 34813, 35493, 36169, 36843, 37513, 38180, 38841, 39498, 40149,
            40794, 41432, 42064, 42688, 43304, 43912, 44511, 45102, 45683, 46255, 46817, 47369,
            47911, 48443, 48964, 49475, 49975, 50464, 50942, 51409, 51865, 52311, 52745, 53169,
            53581, 53983, 54374, 54755, 55125, 55485, 55834, 56174, 56503, 56823, 57133, 57433,
            57724, 58007, 58280, 58544, 58800, 59048, 59288, 59519, 59743, 59959, 60168, 60370,
            60565, 60753, 60935, 61110, 61279, 61441, 61599, 61750, 61896, 62036, 62172, 62302,
            62428, 62549, 62666, 62778, 62886, 62990, 63090, 63186, 63279, 63368, 63454, 63536,
            63615, 63691, 63765, 63835, 63903, 63968, 64030, 64090, 64148, 64204, 64257, 64308,
            64357, 64405, 64450, 64494, 64536, 64576, 64614, 64652, 64687, 64721, 64754, 64786,
            64816, 64845, 64873, 64900, 64926, 64950, 64974, 64997, 65019, 65039, 65060, 65079,
            65097, 65115, 65132, 65149, 65164, 65179, 65194, 65208, 65221, 65234, 65246, 65258,
            65269, 65280, 65291, 65301, 65310, 65319, 65328, 65337, 65345, 65352, 65360, 65367,
            65374, 65381, 65387, 65393, 65399, 65404, 65410, 65415, 65420, 65425, 65429, 65433,
            65438, 65442, 65445, 65449, 65453, 65456, 65459, 65462, 65465, 65468, 65471, 65474,
            65476, 65479, 65481, 65483, 65485, 65488, 65489, 65491, 65493, 65495, 65497, 65498,
            65500, 65501, 65503, 65504, 65505, 65507, 65508, 65509, 65510, 65511, 65512, 65513,
            65514, 65515, 65516, 65517, 65517, 65518, 65519, 65520, 65520, 65521, 65522, 65522,
            65523, 65523, 65524, 65524, 65525, 65525, 65526, 65526, 65526, 65527, 65527, 65528,
            65528, 65528, 65529, 65529, 65529, 65529, 65530, 65530, 65530, 65530, 65531, 65531,
            65531, 65531, 65531, 65532, 65532, 65532, 65532, 65532, 65532, 65533, 65533, 65533,
            65533, 65533, 65533, 65533, 65533, 65534, 65534, 65534, 65534, 65534, 65534, 65534,
            65534, 65534, 65534, 65535
    };

    private Int16Activations() {
    }

    /** Entry {@code i} of the sigmoid table (unsigned Q0.16), for runtimes that need the same table. */
    public static int sigmoidTable(int i) {
        return SIGMOID_TABLE[i];
    }

    /** Number of table entries. */
    public static int sigmoidTableSize() {
        return SIGMOID_TABLE.length;
    }

    /**
     * TFLite int16 logistic of one value: {@code inputMultiplier == 0} means the power-of-two case, where the
     * input is multiplied by {@code 3 << inputLeftShift} (the 3/4 range expansion); otherwise
     * {@code (x * inputMultiplier + round) >> inputLeftShift}. Returns Q0.15 in [0, 32767].
     */
    public static int sigmoid(int x, int inputMultiplier, int inputLeftShift) {
        if (inputLeftShift < 0) {
            throw new IllegalArgumentException("input left shift " + inputLeftShift);
        }
        int mult = inputMultiplier;
        int shift = inputLeftShift;
        if (mult == 0) {
            mult = 3 << shift;
            shift = 0;
        }
        int round = shift > 0 ? 1 << (shift - 1) : 0;
        int in = (x * mult + round) >> shift;
        long abs = Math.abs((long) in);
        long uh = abs >> 9;
        long result;
        if (uh >= 255) {
            result = 0x7FFFL << 10;
        } else {
            long ua = SIGMOID_TABLE[(int) uh];
            long ub = SIGMOID_TABLE[(int) uh + 1];
            long ut = abs & 0x1ff;
            result = (ua << 9) + ut * (ub - ua);
        }
        // unsigned 32-bit arithmetic in the reference
        result = in >= 0 ? result + (1 << 9) : (1L << (16 + 9)) - result + (1 << 9) - 1;
        result &= 0xFFFFFFFFL;
        return (short) (result >>> 10);
    }

    /**
     * TFLite int16 tanh of one value; input scaling as in {@link #sigmoid}. Returns Q0.15 in
     * [-32768, 32767].
     */
    public static int tanh(int x, int inputMultiplier, int inputLeftShift) {
        int mult = inputMultiplier;
        int shift = inputLeftShift;
        if (mult == 0) {
            mult = 3 << shift;
            shift = 0;
        }
        int round = shift > 0 ? 1 << (shift - 1) : 0;
        int in = (x * mult + round) >> shift;
        int abs = Math.abs(in);
        int uh = abs >>> 8;
        int result;
        if (uh >= 255) {
            result = 0xFFFF << 8;
        } else {
            int ua = SIGMOID_TABLE[uh];
            int ub = SIGMOID_TABLE[uh + 1];
            int ut = abs & 0xFF;
            result = (ua << 8) + ut * (ub - ua);
        }
        result = in >= 0 ? result - (1 << (14 + 9)) + (1 << (9 - 2))
                : -result + (1 << (14 + 9)) + (1 << (9 - 2)) - 1;
        return (short) (result >> (9 - 1));
    }

    /**
     * The (input multiplier, input left shift) TFLM's LSTM passes to {@link #tanh} for a Q(15+p) input, p being
     * the power of two of the input scale (2^p): a left shift of 15 + p - 3 when non-negative (multiplier 0,
     * the power-of-two case), otherwise multiplier 3 and a rounding right shift of its magnitude.
     */
    public static int[] tanhInputScaling(int scalePower) {
        int shift = 15 + scalePower - 3;
        return shift < 0 ? new int[] {3, -shift} : new int[] {0, shift};
    }
}
