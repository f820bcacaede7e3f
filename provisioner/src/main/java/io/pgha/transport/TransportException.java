package io.pgha.transport;

/** A command or upload could not be carried out on a connected host (not a non-zero exit). */
public class TransportException extends Exception {
    public TransportException(String message) {
        super(message);
    }

    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
