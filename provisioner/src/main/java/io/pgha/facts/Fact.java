package io.pgha.facts;

import io.pgha.transport.ExecResult;

/**
 * A read-only probe of a host: one shell command and a pure parser of its result
 * (the pyinfra shape). Facts never change anything, so they also run in check mode.
 *
 * @param <T> what the fact tells
 */
public interface Fact<T> {

    /** The shell command that reads the fact; must not change the host. */
    String command();

    /**
     * Whether the command needs root to see the truth (e.g. reading a 0600 file): {@code pgha ping} reads
     * it as root only then. A provisioning task that becomes root reads every fact as root.
     */
    default boolean needsRoot() {
        return true;
    }

    /** Turns the command's result into the fact's value; a pure function, unit-tested on text. */
    T parse(ExecResult result) throws FactException;
}
