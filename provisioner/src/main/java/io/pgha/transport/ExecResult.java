package io.pgha.transport;

import java.time.Duration;

/** What a remote command did: exit code and the two output streams, kept apart. */
public record ExecResult(int exitCode, String stdout, String stderr, Duration elapsed) {

    public boolean ok() {
        return exitCode == 0;
    }

    /** stderr if it has anything, else stdout; for error messages. */
    public String errorText() {
        String err = stderr == null ? "" : stderr.strip();
        return err.isEmpty() ? (stdout == null ? "" : stdout.strip()) : err;
    }
}
