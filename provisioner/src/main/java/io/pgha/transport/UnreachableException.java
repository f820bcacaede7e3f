package io.pgha.transport;

/**
 * The host could not be connected to or authenticated against; the message says why
 * (refused, timed out, unknown or changed host key with its fingerprint and the fix, auth failed).
 */
public class UnreachableException extends TransportException {
    public UnreachableException(String message) {
        super(message);
    }

    public UnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
