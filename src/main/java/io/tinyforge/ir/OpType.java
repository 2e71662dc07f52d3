package io.tinyforge.ir;

/** The operator types tinyforge understands, named as in the TFLite schema's BuiltinOperator. */
public enum OpType {
    ADD,
    AVERAGE_POOL_2D,
    CONCATENATION,
    CONV_2D,
    DEPTHWISE_CONV_2D,
    DEQUANTIZE,
    FULLY_CONNECTED,
    LOGISTIC,
    MAX_POOL_2D,
    MEAN,
    MUL,
    PAD,
    QUANTIZE,
    RELU,
    RELU6,
    RESHAPE,
    SOFTMAX,
    SVDF,
    TANH,
    UNIDIRECTIONAL_SEQUENCE_LSTM;
}
