package io.tinyforge.codegen.view;

/** A variable (state) tensor that {@code <name>_reset()} fills with {@code fill} (TFLM: int8 zero point, else 0). */
public record StateView(String tensor, long offset, long bytes, int fill) {
}
