package io.pgha.vagrant;

/** Why an inventory could not be generated from Vagrant, worded for the user (what failed and what to do). */
public class VagrantException extends RuntimeException {
    public VagrantException(String message) {
        super(message);
    }

    public VagrantException(String message, Throwable cause) {
        super(message, cause);
    }
}
