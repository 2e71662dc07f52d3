package io.tinyforge.refimpl;

/**
 * Optional interface for {@link OpParams} of operators that multiply and accumulate (convolutions, fully
 * connected, recurrent cells): {@code tinyforge inspect} sums {@link #macs()} over the model's operators.
 */
public interface HasMacs {

    /** Multiply-accumulate operations of one invocation of this operator. */
    long macs();
}
