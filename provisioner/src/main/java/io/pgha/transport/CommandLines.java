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

    /**
     * The long-lived shell of a {@link CommandShell}: {@code sh} reading commands from stdin, under
     * {@code sudo -n} for become (so sudo runs once per host and run, not once per command).
     */
    static String shell(boolean sudo) {
        return sudo ? "sudo -n -- sh" : "sh";
    }

    /**
     * Sent once to a new {@link CommandShell}: learns whether the host has {@code timeout(1)} and defines
     * {@code pgha_run SECONDS SCRIPT}, which runs SCRIPT in its own {@code sh -c} child (so its {@code exit},
     * {@code cd} or {@code exec} cannot touch the long-lived shell), with stdin from /dev/null, under
     * {@code timeout -k 5 SECONDS} when there is one. timeout(1) puts itself in a process group of its own, so
     * stopping the command and everything it started leaves the long-lived shell alone.
     */
    static final String SHELL_PRELUDE = """
            if command -v timeout >/dev/null 2>&1; then pgha_t=1; else pgha_t=0; fi
            pgha_run() { if [ "$pgha_t" = 1 ]; then timeout -k 5 "$1" sh -c "$2" </dev/null; \
            else sh -c "$2" </dev/null; fi; }
            """;

    /** Printed before a command runs: {@code ACK_PREFIX + token + " " + (1 if the host has timeout, else 0)}. */
    static final String ACK_PREFIX = "pgha-ack-";
    /** Printed after it ended: {@code END_PREFIX + token + " " + exit code}; stderr gets the bare marker. */
    static final String END_PREFIX = "pgha-end-";

    /**
     * One command for a {@link CommandShell}, framed by markers that carry a fresh random {@code token}: an
     * acknowledgement on stdout and stderr before it runs, then its output, then the end marker with its exit
     * code on stdout and the end marker on stderr. The markers follow the output directly (no newline of
     * their own in front), so output without a trailing newline comes back exactly.
     */
    static String framed(String script, Duration timeout, String token) {
        String ack = ACK_PREFIX + token;
        String end = END_PREFIX + token;
        return "printf '%s %s\\n' " + ack + " \"$pgha_t\"; printf '%s\\n' " + ack + " >&2; "
                + "pgha_run " + remoteSeconds(timeout) + " " + ShellQuote.quote(script) + "; "
                + "printf '%s %s\\n' " + end + " \"$?\"; printf '%s\\n' " + end + " >&2\n";
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
