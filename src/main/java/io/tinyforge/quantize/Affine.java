package io.tinyforge.quantize;

import io.tinyforge.ir.QuantParams;

/** A per-tensor int8 scale and zero point: real = (q - zeroPoint) * scale. */
public record Affine(float scale, int zeroPoint) {

    public QuantParams params() {
        return QuantParams.perTensor(scale, zeroPoint);
    }
}
