package io.pgha.transport;

import java.time.Duration;
import java.util.Objects;

/**
 * A shell command line to run on a host.
 *
 * @param script  POSIX shell text, run by {@code sh -c}; quote arguments with {@link ShellQuote}
 * @param become  run as root through {@code sudo -n}
 * @param timeout how long the command may run before it is killed and reported as timed out
 */
public record RemoteCommand(String script, boolean become, Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    public RemoteCommand {
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(timeout, "timeout");
    }

    public static RemoteCommand of(String script) {
        return new RemoteCommand(script, false, DEFAULT_TIMEOUT);
    }

    public static RemoteCommand asRoot(String script) {
        return new RemoteCommand(script, true, DEFAULT_TIMEOUT);
    }

    public RemoteCommand withTimeout(Duration newTimeout) {
        return new RemoteCommand(script, become, newTimeout);
    }

    public RemoteCommand withBecome(boolean newBecome) {
        return new RemoteCommand(script, newBecome, timeout);
    }
}
