package io.tinyforge.cli;

/** A command-line mistake (unknown option, missing argument, bad file length): one line, exit code 2. */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message, null, false, false);
    }
}
