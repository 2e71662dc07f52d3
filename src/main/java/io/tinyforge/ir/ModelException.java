package io.tinyforge.ir;

/**
 * A problem with the user's model or input that tinyforge reports as one line (exit code 2): corrupt or
 * truncated file, unsupported operator, missing quantization. The message names the problem and what to do.
 */
public class ModelException extends RuntimeException {
    public ModelException(String message) {
        super(message, null, false, false);
    }
}
