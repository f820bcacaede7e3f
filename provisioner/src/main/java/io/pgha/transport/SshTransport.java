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
 * One SSH session to one host; each command gets its own exec channel on it. If the session has
 * dropped (a rebooted server), the next call reconnects once before giving up.
 */
final class SshTransport implements Transport {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ConnectionSpec spec;
    private final SessionConnector connector;
    private final Duration channelOpenTimeout;
    private ClientSession session;
    /** Whether the host has timeout(1); null until the first command asks. */
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

    @Override
    public synchronized ExecResult exec(RemoteCommand command) throws TransportException {
        boolean sudo = command.become() && !"root".equals(spec.user());
        boolean remoteTimeout = hostHasTimeout();
        String line = CommandLines.exec(command.script(), command.timeout(), sudo, remoteTimeout);
        String timedOut = spec.hostName() + ": command timed out after " + Reasons.human(command.timeout());
        ExecResult result = run(line, remoteTimeout ? command.timeout().plus(CommandLines.KILL_GRACE) : command.timeout());
        if (result == null) {
            throw new TransportException(timedOut + (remoteTimeout
                    ? " and did not stop when told to; its channel was closed, but it may still be running"
                    : "; its channel was closed, but the host has no timeout(1), so it may still be running"));
        }
        if (remoteTimeout && (result.exitCode() == CommandLines.TIMED_OUT || result.exitCode() == CommandLines.KILLED)
                && result.elapsed().compareTo(command.timeout()) >= 0) {
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
        ensureSession();
        try {
            return tryOpenExec(line);
        } catch (IOException | RuntimeException first) {
            session.close(true);
            session = null;
            ensureSession();
            try {
                return tryOpenExec(line);
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
            if (session != null) {
                session.close(true);
            }
            session = null;
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
        if (session != null) {
            session.close(false);
            session = null;
        }
    }
}
