package io.pgha.operations;

/** A task could not be planned or applied; the message is shown to the user as the failure. */
public class OperationException extends Exception {
    public OperationException(String message) {
        super(message);
    }

    public OperationException(String message, Throwable cause) {
        super(message, cause);
    }
}
