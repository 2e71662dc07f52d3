package io.tinyforge.memory;

/**
 * How one operator runs in place: its {@code output} tensor starts at the address of its {@code input} tensor,
 * which dies at that operator; the in-place kernel ({@code kernel}, a runtime-c function name) needs
 * {@code scratchBytes} of scratch during the operator instead of the operator's ordinary scratch. A null
 * {@code kernel} means the ordinary kernel is safe with its output pointer equal to that input's (element-wise
 * ops that read element i before writing element i).
 */
public record InPlace(int input, int output, long scratchBytes, String kernel) {
}
