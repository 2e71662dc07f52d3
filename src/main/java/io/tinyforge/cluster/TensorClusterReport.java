package io.tinyforge.cluster;

import io.tinyforge.ir.DType;
import io.tinyforge.ir.OpType;

/**
 * What clustering did to one weight tensor.
 *
 * @param tensor       tensor index
 * @param name         tensor name
 * @param op           index of the first operator reading it
 * @param opType       that operator's type
 * @param dtype        int8 or float32
 * @param elements     weight count
 * @param groups       codebooks: 1, or the output channel count
 * @param bits         requested index bits N
 * @param centroids    largest number of distinct values in one group after clustering (at most 2^N)
 * @param denseBytes   bytes stored densely
 * @param codebookBytes bytes as codebook + packed indices in the generated C's layout ({@link CodebookLayout})
 * @param mse          mean squared error of the weights, in stored units (int8 steps or float values)
 * @param sqnrDb       signal-to-quantization-noise ratio of the real-valued weights, in dB (infinite when exact)
 * @param iterations   most Lloyd iterations of one group
 */
public record TensorClusterReport(int tensor, String name, int op, OpType opType, DType dtype, long elements,
        int groups, int bits, int centroids, long denseBytes, long codebookBytes, double mse, double sqnrDb,
        int iterations) {

    /** Dense bytes divided by codebook bytes. */
    public double ratio() {
        return codebookBytes == 0 ? 0 : (double) denseBytes / codebookBytes;
    }
}
