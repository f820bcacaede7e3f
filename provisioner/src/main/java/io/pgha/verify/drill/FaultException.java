package io.pgha.verify.drill;

/** A fault could not be injected or undone; the message names the host, the command and its output. */
public class FaultException extends Exception {
    public FaultException(String message) {
        super(message);
    }

    public FaultException(String message, Throwable cause) {
        super(message, cause);
    }
}
