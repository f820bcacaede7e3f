package io.pgha.verify.probe;

/** A probe could not get an answer (connection refused, timeout, unexpected reply); the message says where. */
public class ProbeException extends Exception {
    public ProbeException(String message) {
        super(message);
    }

    public ProbeException(String message, Throwable cause) {
        super(message, cause);
    }
}
