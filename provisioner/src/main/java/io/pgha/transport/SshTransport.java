package io.pgha.transport;

import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * One SSH session to one host. Commands run in a long-lived shell per privilege ({@link CommandShell}): one
 * for the login user, one under {@code sudo -n} for become. A host where such a shell cannot start gets each
 * command on its own exec channel instead, as before. If the session or the shell has gone away (a rebooted
 * server, a command that killed its shell), the next call reconnects once before giving up.
 */
final class SshTransport implements Transport {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ConnectionSpec spec;
    private final SessionConnector connector;
    private final Duration channelOpenTimeout;
    private ClientSession session;
    /** The open shells: [0] for the login user, [1] under sudo. */
    private final CommandShell[] shells = new CommandShell[2];
    /** Which shells could not start on this host: those commands get their own channel. */
    private final boolean[] shellRefused = new boolean[2];
    /** Whether the host has timeout(1), for commands on their own channel; null until the first asks. */
    private Boolean hostHasTimeout;

    SshTransport(ConnectionSpec spec, SessionConnector connector, Duration channelOpenTimeout, ClientSession session) {
        this.spec = spec;
        this.connector = connector;
        this.channelOpenTimeout = channelOpenTimeout;
        this.session = session;
    }

    @Override
    public String hostName() {
        return spec.hostName();
    }

    /** A command's result, or null if it did not end in time, and whether the host enforced its timeout. */
    private record Ran(ExecResult result, boolean remoteTimeout) {
    }

    @Override
    public synchronized ExecResult exec(RemoteCommand command) throws TransportException {
        boolean sudo = command.become() && !"root".equals(spec.user());
        Ran ran = shellRefused[slot(sudo)] ? runOnOwnChannel(command, sudo) : runInShell(command, sudo);
        ExecResult result = ran.result();
        String timedOut = spec.hostName() + ": command timed out after " + Reasons.human(command.timeout());
        if (result == null) {
            throw new TransportException(timedOut + (ran.remoteTimeout()
                    ? " and did not stop when told to; its channel was closed, but it may still be running"
                    : "; its channel was closed, but the host has no timeout(1), so it may still be running"));
        }
        if (timedOutRemotely(ran, command)) {
            throw new TransportException(timedOut + " and was stopped");
        }
        if (sudo && result.exitCode() == 1 && (result.stderr().contains("a password is required")
                || result.stderr().contains("a terminal is required"))) {
            throw new TransportException("sudo requires a password for " + spec.user() + " on " + spec.hostName()
                    + ": configure NOPASSWD for " + spec.user() + " (e.g. `" + spec.user()
                    + " ALL=(ALL) NOPASSWD: ALL` in /etc/sudoers.d/) or connect as root");
        }
        if (sudo && result.exitCode() == 127 && result.stderr().contains("sudo")
                && result.stderr().contains("not found")) {
            throw new TransportException("sudo is not installed on " + spec.hostName()
                    + ": install it, or connect as root");
        }
        return result;
    }

    private static boolean timedOutRemotely(Ran ran, RemoteCommand command) {
        ExecResult result = ran.result();
        return ran.remoteTimeout() && result != null
                && (result.exitCode() == CommandLines.TIMED_OUT || result.exitCode() == CommandLines.KILLED)
                && result.elapsed().compareTo(command.timeout()) >= 0;
    }

    private static int slot(boolean sudo) {
        return sudo ? 1 : 0;
    }

    /**
     * Runs the command in the shell for its privilege, opening that shell if needed. A shell found gone
     * before it ran the command is replaced once (with a new session if the old one no longer answers).
     */
    private Ran runInShell(RemoteCommand command, boolean sudo) throws TransportException {
        for (int attempt = 1; ; attempt++) {
            CommandShell shell = shell(sudo);
            CommandShell.Outcome outcome = shell.run(command.script(), command.timeout(), channelOpenTimeout,
                    CommandLines.KILL_GRACE);
            switch (outcome.kind()) {
                case DONE -> {
                    Ran ran = new Ran(outcome.result(), outcome.hostHasTimeout());
                    if (timedOutRemotely(ran, command)) {
                        // Whatever the command left behind may still write into this shell's streams.
                        discardShell(sudo);
                    }
                    return ran;
                }
                case OVERDUE -> {
                    discardShell(sudo);
                    return new Ran(null, outcome.hostHasTimeout());
                }
                case REFUSED -> {
                    discardShell(sudo);
                    shellRefused[slot(sudo)] = true;
                    return runOnOwnChannel(command, sudo);
                }
                case LOST -> {
                    discardShell(sudo);
                    throw new TransportException(spec.hostName() + ": " + outcome.reason());
                }
                case NOT_STARTED -> {
                    // The shell, and maybe the whole connection, died while idle: nothing ran, so retrying is safe.
                    closeSession();
                    if (attempt > 1) {
                        throw new TransportException(spec.hostName() + ": cannot run a command: " + outcome.reason());
                    }
                }
            }
        }
    }

    /** The open shell for this privilege, or a new one; reconnects once if the session no longer answers. */
    private CommandShell shell(boolean sudo) throws TransportException {
        CommandShell shell = shells[slot(sudo)];
        ensureSession();
        if (shell != null && shell.usableOn(session)) {
            return shell;
        }
        discardShell(sudo);
        shells[slot(sudo)] = openWithReconnect(() -> CommandShell.open(session, sudo, channelOpenTimeout));
        return shells[slot(sudo)];
    }

    private void discardShell(boolean sudo) {
        CommandShell shell = shells[slot(sudo)];
        shells[slot(sudo)] = null;
        if (shell != null) {
            shell.close();
        }
    }

    private void closeSession() {
        discardShell(false);
        discardShell(true);
        if (session != null) {
            session.close(true);
            session = null;
        }
    }

    /** The command on an exec channel of its own, wrapped in sudo and timeout as needed. */
    private Ran runOnOwnChannel(RemoteCommand command, boolean sudo) throws TransportException {
        boolean remoteTimeout = hostHasTimeout();
        String line = CommandLines.exec(command.script(), command.timeout(), sudo, remoteTimeout);
        return new Ran(run(line, remoteTimeout ? command.timeout().plus(CommandLines.KILL_GRACE) : command.timeout()),
                remoteTimeout);
    }

    private boolean hostHasTimeout() throws TransportException {
        if (hostHasTimeout == null) {
            ExecResult probe = run(CommandLines.HAS_TIMEOUT, channelOpenTimeout);
            hostHasTimeout = probe != null && probe.ok();
        }
        return hostHasTimeout;
    }

    /**
     * Runs one command line on its own channel; a non-zero exit is a result, not an exception.
     * Returns null if it has not ended by the deadline (its channel is then closed).
     */
    private ExecResult run(String line, Duration deadline) throws TransportException {
        long start = System.nanoTime();
        ChannelExec channel = openExec(line);
        try {
            // No stdin: a command that reads it (a prompt) sees end of file instead of hanging.
            channel.getInvertedIn().close();
            Set<ClientChannelEvent> events = channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), deadline);
            if (!events.contains(ClientChannelEvent.CLOSED)) {
                channel.close(true);
                return null;
            }
        } catch (IOException e) {
            channel.close(true);
            throw new TransportException(spec.hostName() + ": connection lost while running a command: "
                    + Reasons.oneLine(e), e);
        }
        Integer status = channel.getExitStatus();
        if (status == null) {
            String signal = channel.getExitSignal();
            throw new TransportException(spec.hostName() + (signal != null
                    ? ": command was killed by signal " + signal
                    : ": connection lost while running a command (no exit status)"));
        }
        return new ExecResult(status, ((ByteArrayOutputStream) channel.getOut()).toString(StandardCharsets.UTF_8),
                ((ByteArrayOutputStream) channel.getErr()).toString(StandardCharsets.UTF_8),
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** Opens an exec channel, reconnecting once if the session is gone or no longer answers. */
    private ChannelExec openExec(String line) throws TransportException {
        return openWithReconnect(() -> tryOpenExec(line));
    }

    /** Something that opens a channel on the current session. */
    private interface ChannelOpener<T> {
        T open() throws IOException;
    }

    /** Opens a channel (an exec or a shell), with a new session and one more try if the current one fails. */
    private <T> T openWithReconnect(ChannelOpener<T> opener) throws TransportException {
        ensureSession();
        try {
            return opener.open();
        } catch (IOException | RuntimeException first) {
            closeSession();
            ensureSession();
            try {
                return opener.open();
            } catch (IOException | RuntimeException e) {
                throw new TransportException(spec.hostName() + ": cannot open a command channel: "
                        + Reasons.oneLine(e), e);
            }
        }
    }

    private ChannelExec tryOpenExec(String line) throws IOException {
        ChannelExec channel = session.createExecChannel(line);
        channel.setOut(new ByteArrayOutputStream());
        channel.setErr(new ByteArrayOutputStream());
        try {
            channel.open().verify(channelOpenTimeout);
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close(true);
            throw e;
        }
    }

    private void ensureSession() throws UnreachableException {
        if (session == null || !session.isOpen() || session.isClosing()) {
            closeSession();
            session = connector.open(spec);
        }
    }

    @Override
    public synchronized void upload(byte[] content, RemoteFile target) throws TransportException {
        String suffix = HexFormat.of().formatHex(randomBytes());
        String uploaded = "/tmp/.pgha-upload-" + suffix;
        if (target.path().endsWith("/")) {
            throw new TransportException(spec.hostName() + ": cannot upload to " + target.path() + ": not a file path");
        }
        int slash = target.path().lastIndexOf('/');
        String staged = target.path().substring(0, slash + 1) + "." + target.path().substring(slash + 1) + ".pgha-" + suffix;
        sendFile(content, uploaded);
        ExecResult result;
        try {
            result = exec(new RemoteCommand(CommandLines.install(uploaded, target, staged), target.become(),
                    RemoteCommand.DEFAULT_TIMEOUT));
        } catch (TransportException e) {
            // The install script never ran (sudo refused, connection lost): its trap did not clean up.
            removeUploaded(uploaded);
            throw e;
        }
        String what = spec.hostName() + ": cannot write " + target.path() + " (the old file is unchanged): ";
        switch (result.exitCode()) {
            case 0:
                return;
            case CommandLines.INSTALL_FAILED:
                throw new TransportException(what + "install failed: " + result.errorText());
            case CommandLines.VALIDATE_FAILED:
                throw new TransportException(what + "validation `" + target.validate() + "` failed: "
                        + joinOutput(result));
            case CommandLines.RENAME_FAILED:
                throw new TransportException(what + "rename failed: " + result.errorText());
            default:
                throw new TransportException(what + "exit " + result.exitCode() + ": " + result.errorText());
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** SFTP to a file only the login user can read (the content may be a secret), created fresh. */
    private void sendFile(byte[] content, String path) throws TransportException {
        ensureSession();
        try (SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
            try {
                try (SftpClient.CloseableHandle handle = sftp.open(path, SftpClient.OpenMode.Write,
                        SftpClient.OpenMode.Create, SftpClient.OpenMode.Exclusive)) {
                    sftp.setStat(handle, new SftpClient.Attributes().perms(0600));
                }
                try (OutputStream out = sftp.write(path, SftpClient.OpenMode.Write, SftpClient.OpenMode.Truncate)) {
                    out.write(content);
                }
            } catch (IOException | RuntimeException e) {
                removeQuietly(sftp, path);
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            throw new TransportException(spec.hostName() + ": cannot upload to " + path + " over SFTP: "
                    + Reasons.oneLine(e), e);
        }
    }

    private void removeUploaded(String path) {
        try (SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
            removeQuietly(sftp, path);
        } catch (IOException | RuntimeException e) {
            // best effort: the connection may be the very thing that failed
        }
    }

    private static void removeQuietly(SftpClient sftp, String path) {
        try {
            sftp.remove(path);
        } catch (IOException | RuntimeException e) {
            // it may never have been created; nothing else to do
        }
    }

    private static String joinOutput(ExecResult result) {
        String both = (result.stdout().strip() + "\n" + result.stderr().strip()).strip();
        return both.isEmpty() ? "(no output)" : both;
    }

    @Override
    public synchronized void close() {
        discardShell(false);
        discardShell(true);
        if (session != null) {
            session.close(false);
            session = null;
        }
    }
}
