package io.tinyforge.firmware;

import io.tinyforge.ir.ModelException;

/** A model whose firmware does not fit the board's flash or RAM; the one-line message gives the numbers. */
public class FirmwareTooLargeException extends ModelException {
    public FirmwareTooLargeException(String message) {
        super(message);
    }
}
