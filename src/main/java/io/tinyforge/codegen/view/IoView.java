package io.tinyforge.codegen.view;

/**
 * One graph input or output for {@code model.h}/{@code model.c}: its position, arena offset, size, and
 * quantization as C literals ({@code scale} like {@code 0.0039215689f}).
 */
public record IoView(int index, String tensor, String dtype, String shape, long offset, long bytes, String scale,
        int zeroPoint) {
}
