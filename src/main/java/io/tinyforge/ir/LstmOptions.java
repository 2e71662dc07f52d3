package io.tinyforge.ir;

/** UNIDIRECTIONAL_SEQUENCE_LSTM options. */
public record LstmOptions(Activation activation, float cellClip, float projClip, boolean timeMajor,
        boolean asymmetricQuantizeInputs, boolean diagonalRecurrentTensors) implements OpOptions {
}
