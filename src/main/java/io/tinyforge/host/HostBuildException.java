package io.tinyforge.host;

/** The host compiler rejected generated code, or the compiled harness failed: a tinyforge bug, not user error. */
public class HostBuildException extends RuntimeException {
    public HostBuildException(String message) {
        super(message);
    }
}
