package io.tinyforge.ir;

/** Options of operators that have none (RESHAPE's shape comes from its options or second input). */
public record NoOptions() implements OpOptions {
    public static final NoOptions INSTANCE = new NoOptions();
}
