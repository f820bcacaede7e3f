package io.pgha.transport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Builds the exact command lines sent over SSH, with all quoting done by {@link ShellQuote}. */
final class CommandLines {
    /**
     * How long we wait beyond a command's timeout for the host's own {@code timeout(1)} to stop it (TERM, then
     * KILL 5 s later) and report back, before we give up on the channel ourselves.
     */
    static final Duration KILL_GRACE = Duration.ofSeconds(8);
    /** Exit codes of {@code timeout(1)} when it stopped the command (TERM) or had to kill it (KILL). */
    static final int TIMED_OUT = 124;
    static final int KILLED = 137;

    private CommandLines() {
    }

    /** Exits 0 when the host has {@code timeout(1)} (coreutils); asked once per host. */
    static final String HAS_TIMEOUT = "command -v timeout >/dev/null 2>&1";

    /**
     * {@code sh -c SCRIPT}, under the host's {@code timeout} when it has one, and under {@code sudo -n} for
     * become: no password prompt, no PTY, stderr kept apart. For example
     * {@code sudo -n -- timeout -k 5 60 sh -c 'systemctl restart patroni'}. The host stops the command itself
     * (with everything it started: timeout signals its whole process group), because closing an SSH channel
     * does not stop a command that runs without a PTY.
     */
    static String exec(String script, Duration timeout, boolean sudo, boolean hostHasTimeout) {
        List<String> words = new ArrayList<>();
        if (sudo) {
            words.addAll(List.of("sudo", "-n", "--"));
        }
        if (hostHasTimeout) {
            words.addAll(List.of("timeout", "-k", "5", Long.toString(remoteSeconds(timeout))));
        }
        words.addAll(List.of("sh", "-c", script));
        return ShellQuote.join(words);
    }

    /** Whole seconds, rounded up, at least one: every timeout(1) implementation takes those. */
    static long remoteSeconds(Duration timeout) {
        long seconds = timeout.toSeconds() + (timeout.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    static final int INSTALL_FAILED = 97;
    static final int VALIDATE_FAILED = 98;
    static final int RENAME_FAILED = 99;

    /**
     * Moves an uploaded temporary file into place: install it with mode and owner next to the target,
     * validate that copy, then rename it over the target (atomic on one filesystem). Whatever happens,
     * both temporary files are removed and the target is either the old or the new file.
     */
    static String install(String uploaded, RemoteFile target, String staged) {
        StringBuilder sb = new StringBuilder();
        sb.append("src=").append(ShellQuote.quote(uploaded)).append("; dst=").append(ShellQuote.quote(staged))
                .append("\ntrap 'rm -f \"$src\" \"$dst\"' EXIT\n");
        sb.append("install -m ").append(ShellQuote.quote(target.mode()));
        if (target.owner() != null) {
            sb.append(" -o ").append(ShellQuote.quote(target.owner()));
        }
        if (target.group() != null) {
            sb.append(" -g ").append(ShellQuote.quote(target.group()));
        }
        sb.append(" \"$src\" \"$dst\" || exit ").append(INSTALL_FAILED).append('\n');
        if (target.validate() != null && !target.validate().isBlank()) {
            String validate = target.validate().replace("%s", ShellQuote.quote(staged));
            sb.append("sh -c ").append(ShellQuote.quote(validate)).append(" </dev/null || exit ")
                    .append(VALIDATE_FAILED).append('\n');
        }
        sb.append("mv -f \"$dst\" ").append(ShellQuote.quote(target.path())).append(" || exit ")
                .append(RENAME_FAILED).append('\n');
        return sb.toString();
    }
}
