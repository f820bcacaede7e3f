package io.pgha.transport;

import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.session.ClientSession;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

/**
 * One long-lived {@code sh} (or {@code sudo -n -- sh}) on one exec channel, which runs the commands sent to
 * its stdin one at a time, each framed by markers with a fresh random token (see
 * {@link CommandLines#framed}). Opening a channel and starting sudo cost a round trip and tens of
 * milliseconds each; a shell pays them once per run instead of once per command.
 *
 * <p>Not thread-safe: its transport runs one command at a time.
 */
final class CommandShell implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** How a command sent to the shell ended. */
    enum Kind {
        /** It ran and ended: {@link Outcome#result()} holds its exit code and output. */
        DONE,
        /** It did not end by the deadline; the shell must be closed. */
        OVERDUE,
        /** The new shell exited before it ran anything (sudo refused, no sh): run commands another way. */
        REFUSED,
        /** The shell was gone before it ran the command (closed, or a dead connection); safe to retry. */
        NOT_STARTED,
        /** The shell went away while the command ran (the command killed it, or the connection dropped). */
        LOST
    }

    record Outcome(Kind kind, ExecResult result, boolean hostHasTimeout, String reason) {
    }

    private final ClientSession session;
    private final ChannelExec channel;
    private final Object lock = new Object();
    private final MarkerBuffer out = new MarkerBuffer(lock);
    private final MarkerBuffer err = new MarkerBuffer(lock);
    private boolean closed;
    /** Whether the shell has acknowledged a command, i.e. is known to run. */
    private boolean answered;

    private CommandShell(ClientSession session, ChannelExec channel) {
        this.session = session;
        this.channel = channel;
    }

    /** Opens the channel; the shell itself is only known to run once it acknowledges the first command. */
    static CommandShell open(ClientSession session, boolean sudo, Duration openTimeout) throws IOException {
        ChannelExec channel = session.createExecChannel(CommandLines.shell(sudo));
        CommandShell shell = new CommandShell(session, channel);
        channel.setOut(shell.out);
        channel.setErr(shell.err);
        channel.addCloseFutureListener(f -> shell.markClosed());
        try {
            channel.open().verify(openTimeout);
        } catch (IOException | RuntimeException e) {
            channel.close(true);
            throw e;
        }
        return shell;
    }

    boolean usableOn(ClientSession current) {
        synchronized (lock) {
            return session == current && !closed && channel.isOpen() && !channel.isClosing();
        }
    }

    /**
     * Runs {@code script} under the host's {@code timeout} of {@code timeout}. The shell must acknowledge the
     * command within {@code ackTimeout} (else it is taken for dead: {@link Kind#NOT_STARTED}); the command
     * then has {@code timeout}, plus {@code killGrace} when the host enforces the timeout itself.
     */
    Outcome run(String script, Duration timeout, Duration ackTimeout, Duration killGrace) throws TransportException {
        String token = HexFormat.of().formatHex(randomBytes());
        boolean fresh = !answered;
        out.clear();
        err.clear();
        long start = System.nanoTime();
        String framed = CommandLines.framed(script, timeout, token);
        try {
            OutputStream stdin = channel.getInvertedIn();
            stdin.write(((fresh ? CommandLines.SHELL_PRELUDE : "") + framed).getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException | RuntimeException e) {
            return notStarted(fresh, "cannot send the command: " + Reasons.oneLine(e));
        }
        try {
            MarkerBuffer.Cut[] ack = await(CommandLines.ACK_PREFIX + token, start + ackTimeout.toNanos());
            if (ack == null) {
                return notStarted(fresh, isClosed() ? "the command shell closed before it ran the command"
                        : "the command shell did not answer within " + Reasons.human(ackTimeout));
            }
            answered = true;
            boolean hostHasTimeout = ack[0].rest().strip().equals("1");
            Duration allowed = hostHasTimeout ? timeout.plus(killGrace) : timeout;
            MarkerBuffer.Cut[] end = await(CommandLines.END_PREFIX + token, start + allowed.toNanos());
            if (end == null) {
                return isClosed() ? new Outcome(Kind.LOST, null, hostHasTimeout, lostReason())
                        : new Outcome(Kind.OVERDUE, null, hostHasTimeout, null);
            }
            ExecResult result = new ExecResult(Integer.parseInt(end[0].rest().strip()),
                    new String(end[0].before(), StandardCharsets.UTF_8),
                    new String(end[1].before(), StandardCharsets.UTF_8), Duration.ofNanos(System.nanoTime() - start));
            return new Outcome(Kind.DONE, result, hostHasTimeout, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new TransportException("interrupted while waiting for a command");
        }
    }

    private Outcome notStarted(boolean fresh, String reason) {
        // A shell that never answered and has exited on its own was refused (sudo wants a password, no sh);
        // without an exit status it went away with its connection.
        boolean refused = fresh && isClosed() && channel.getExitStatus() != null;
        return new Outcome(refused ? Kind.REFUSED : Kind.NOT_STARTED, null, false, reason);
    }

    private String lostReason() {
        String signal = channel.getExitSignal();
        Integer status = channel.getExitStatus();
        if (signal != null) {
            return "the command shell was killed by signal " + signal + " while running a command";
        }
        if (status != null) {
            return "the command shell exited (status " + status + ") while running a command";
        }
        return "connection lost while running a command";
    }

    /** Both streams cut at {@code marker}, or null if the deadline passed or the channel closed first. */
    private MarkerBuffer.Cut[] await(String marker, long deadline) throws InterruptedException {
        synchronized (lock) {
            MarkerBuffer.Cut stdout = null;
            MarkerBuffer.Cut stderr = null;
            while (true) {
                stdout = stdout != null ? stdout : out.take(marker);
                stderr = stderr != null ? stderr : err.take(marker);
                if (stdout != null && stderr != null) {
                    return new MarkerBuffer.Cut[] {stdout, stderr};
                }
                long left = deadline - System.nanoTime();
                if (closed || left <= 0) {
                    return null;
                }
                // MINA delivers a channel's data before its close, so nothing is lost by stopping at close.
                lock.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    private boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    private void markClosed() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    @Override
    public void close() {
        channel.close(true);
    }
}
