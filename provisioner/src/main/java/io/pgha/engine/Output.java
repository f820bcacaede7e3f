package io.pgha.engine;

import java.io.PrintWriter;

/** The one way pgha prints: every line passes through the run's {@link Redactor}. Thread-safe. */
public final class Output {
    private final PrintWriter out;
    private final PrintWriter err;
    private final Redactor redactor;

    public Output(PrintWriter out, PrintWriter err, Redactor redactor) {
        this.out = out;
        this.err = err;
        this.redactor = redactor;
    }

    public synchronized void println(String line) {
        out.println(redactor.redact(line));
        out.flush();
    }

    public synchronized void error(String line) {
        err.println(redactor.redact(line));
        err.flush();
    }

    public Redactor redactor() {
        return redactor;
    }
}
