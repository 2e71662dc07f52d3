package io.tinyforge.quantize;

/** Error of one layer's output, quantized model (dequantized) vs float model, over the calibration set. */
public record LayerError(int op, String opType, String tensor, long elements, double rmse, double maxAbs,
        double cosine, double floatRange) {

    /** RMSE relative to the float output's range (the sort key: largest first). */
    public double relativeRmse() {
        return floatRange > 0 ? rmse / floatRange : rmse;
    }
}
