package io.tinyforge.quantize;

/** Runs a float32 graph on one input record and exposes every tensor's float values (null if not float). */
public interface FloatRunner {

    /** All tensors after running {@code inputs} (one float array per graph input, in subgraph order). */
    float[][] run(float[][] inputs);
}
