package io.pgha.facts;

import io.pgha.transport.ExecResult;

import java.util.OptionalLong;

/** Seconds since apt's package lists were last refreshed; empty if they never were. */
public final class AptListsAgeFact implements Fact<OptionalLong> {
    /**
     * Touched by pgha after each successful update; apt itself only touches it with the
     * periodic hook, and the lists directory keeps an old mtime when the mirror did not change.
     */
    public static final String UPDATE_STAMP = "/var/lib/apt/periodic/update-success-stamp";

    @Override
    public String command() {
        // The host's clock, not ours: the stamp's mtime is the host's time.
        return "echo \"$(date +%s) $(stat -c %Y " + UPDATE_STAMP + " 2>/dev/null"
                + " || stat -c %Y /var/lib/apt/lists 2>/dev/null || echo -)\"";
    }

    @Override
    public boolean needsRoot() {
        return false;
    }

    @Override
    public OptionalLong parse(ExecResult result) throws FactException {
        String line = result.stdout() == null ? "" : result.stdout().strip();
        String[] f = line.split(" ");
        if (f.length != 2) {
            throw new FactException("unexpected apt cache age output: " + (line.isEmpty() ? result.errorText() : line));
        }
        if (f[1].equals("-")) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Math.max(0, Long.parseLong(f[0]) - Long.parseLong(f[1])));
        } catch (NumberFormatException e) {
            throw new FactException("unexpected apt cache age output: " + line);
        }
    }
}
