package io.tinyforge.codegen.ops;

import io.tinyforge.refimpl.ops.ConvShape;
import java.util.List;
import java.util.Map;

/** Exact C99 spellings of float values and shared argument groups for the float emitters' templates. */
final class CFloat {

    private CFloat() {
    }

    /** A literal that parses to exactly {@code f}: hexadecimal float, or INFINITY / -INFINITY (math.h). */
    static String literal(float f) {
        if (Float.isNaN(f)) {
            return "NAN";
        }
        if (Float.isInfinite(f)) {
            return f > 0 ? "INFINITY" : "-INFINITY";
        }
        if (f == 0f) {
            return (Float.floatToRawIntBits(f) < 0 ? "-" : "") + "0.0f";
        }
        return Float.toHexString(f) + "f";
    }

    /** {@code (tfg_activation_f32){min, max}}. */
    static String activation(float min, float max) {
        return "(tfg_activation_f32){" + literal(min) + ", " + literal(max) + "}";
    }

    /** Dims, strides, dilations and padding of a convolution as template arguments. */
    static void conv(Map<String, Object> a, ConvShape s) {
        a.put("input_dims", dims(s.inputDims()));
        a.put("filter_dims", dims(s.filterDims()));
        a.put("output_dims", dims(s.outputDims()));
        a.put("stride_h", s.strideH());
        a.put("stride_w", s.strideW());
        a.put("dilation_h", s.dilationH());
        a.put("dilation_w", s.dilationW());
        a.put("pad_h", s.padH());
        a.put("pad_w", s.padW());
    }

    private static List<Integer> dims(int[] d) {
        return List.of(d[0], d[1], d[2], d[3]);
    }
}
