package io.pgha.facts;

/** A fact's command failed in a way that leaves its value unknown. */
public class FactException extends Exception {
    public FactException(String message) {
        super(message);
    }
}
