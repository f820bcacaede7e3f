package io.pgha.transport;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.kex.KexProposalOption;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.forward.AgentForwardingFilter;
import org.apache.sshd.server.forward.ForwardingFilter;
import org.apache.sshd.server.forward.TcpForwardingFilter;
import org.apache.sshd.server.forward.X11ForwardingFilter;
import org.apache.sshd.server.shell.InvertedShellWrapper;
import org.apache.sshd.server.shell.ProcessShell;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-JVM SSH server on 127.0.0.1 that runs commands as real local processes ({@code /bin/sh -c},
 * as sshd does with the login shell), serves SFTP, and accepts one client public key.
 *
 * <p>sudo: the processes run as the test's own user (root), and this machine may not have sudo at all.
 * Rather than install it and edit /etc/sudoers (machine-wide state a test must not touch), the server puts
 * a small {@code sudo} stand-in first on its processes' PATH. It insists on exactly {@code sudo -n --} (what
 * the transport must send), answers like real sudo when a password would be needed (switched on with
 * {@link #requireSudoPassword}), and marks the command with SUDO_USER so tests can see it went through sudo.
 */
final class SshTestServer implements AutoCloseable {
    private static final String SUDO_SHIM = """
            #!/bin/sh
            # test stand-in for sudo, see SshTestServer
            if [ -e "$(dirname "$0")/needs-password" ]; then
              echo "sudo: a password is required" >&2
              exit 1
            fi
            if [ "$1" != "-n" ] || [ "$2" != "--" ]; then
              echo "sudo shim: expected 'sudo -n -- ...', got: $*" >&2
              exit 2
            fi
            shift 2
            SUDO_USER="$USER"; export SUDO_USER
            exec "$@"
            """;

    final KeyPair hostKey;
    final SshServer server;
    final Path binDir;
    /** Targets of the direct-tcpip (jump host) connections this server was asked to open. */
    final List<SshdSocketAddress> tunnelsOpened = new CopyOnWriteArrayList<>();
    private static final String HOSTKEYS_REQUEST = "hostkeys-00@openssh.com";
    private final List<String> keyExchanges = new CopyOnWriteArrayList<>();

    private SshTestServer(KeyPair hostKey, SshServer server, Path binDir) {
        this.hostKey = hostKey;
        this.server = server;
        this.binDir = binDir;
    }

    static SshTestServer start(Path dir, PublicKey authorizedKey) throws Exception {
        return start(dir, authorizedKey, TestKeys.ed25519(), 0, false);
    }

    /** {@code hostKey} is the one {@link #knownHostsLine()} records; the server may offer more. */
    static SshTestServer start(Path dir, PublicKey authorizedKey, KeyPair hostKey, int port, boolean allowTunnels,
                               KeyPair... moreHostKeys) throws Exception {
        Path binDir = Files.createTempDirectory(dir, "bin");
        Path sudo = binDir.resolve("sudo");
        Files.writeString(sudo, SUDO_SHIM);
        Files.setPosixFilePermissions(sudo, PosixFilePermissions.fromString("rwxr-xr-x"));
        String path = binDir + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin");

        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(port);
        List<KeyPair> hostKeys = new ArrayList<>(List.of(moreHostKeys));
        hostKeys.add(hostKey);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKeys));
        server.setPublickeyAuthenticator((user, key, session) -> KeyUtils.compareKeys(key, authorizedKey));
        server.setCommandFactory((channel, command) -> new InvertedShellWrapper(new ProcessShell("/bin/sh", "-c", command) {
            @Override
            protected Map<String, String> resolveShellEnvironment(Map<String, String> env) {
                Map<String, String> withPath = new HashMap<>(env);
                withPath.put("PATH", path);
                return withPath;
            }
        }));
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        SshTestServer result = new SshTestServer(hostKey, server, binDir);
        server.setForwardingFilter(ForwardingFilter.asForwardingFilter(AgentForwardingFilter.of(false),
                X11ForwardingFilter.of(false), new TcpForwardingFilter() {
                    @Override
                    public boolean canListen(SshdSocketAddress address, Session session) {
                        return false;
                    }

                    @Override
                    public boolean canConnect(Type type, SshdSocketAddress address, Session session) {
                        if (allowTunnels) {
                            result.tunnelsOpened.add(address);
                        }
                        return allowTunnels;
                    }
                }));
        server.addSessionListener(new SessionListener() {
            @Override
            public void sessionNegotiationEnd(Session session, Map<KexProposalOption, String> clientProposal,
                                              Map<KexProposalOption, String> serverProposal,
                                              Map<KexProposalOption, String> negotiatedOptions, Throwable reason) {
                if (reason == null) {
                    result.keyExchanges.add(negotiatedOptions.get(KexProposalOption.ALGORITHMS));
                }
            }
        });
        server.start();
        return result;
    }

    int port() {
        return server.getPort();
    }

    String knownHostsLine() {
        return TestKeys.knownHostsLine(port(), hostKey);
    }

    void requireSudoPassword(boolean required) throws IOException {
        Path marker = binDir.resolve("needs-password");
        if (required) {
            Files.writeString(marker, "");
        } else {
            Files.deleteIfExists(marker);
        }
    }

    /** Limits the key exchanges new connections may use, as an older sshd would. */
    void offerKeyExchanges(List<String> names) {
        server.setKeyExchangeFactories(server.getKeyExchangeFactories().stream()
                .filter(factory -> names.contains(factory.getName())).toList());
    }

    /** The key exchange each connection so far agreed on. */
    List<String> negotiatedKeyExchanges() {
        return List.copyOf(keyExchanges);
    }

    /**
     * Announces a host key to every connected client the way OpenSSH does after login, but asking for a reply
     * (OpenSSH asks none), so the test sees whether the client handled it.
     *
     * @return per client, whether it reported the announcement handled
     */
    List<Boolean> announceHostKey(PublicKey key) throws IOException {
        List<Boolean> handled = new ArrayList<>();
        for (Session session : server.getActiveSessions()) {
            Buffer request = session.createBuffer(SshConstants.SSH_MSG_GLOBAL_REQUEST);
            request.putString(HOSTKEYS_REQUEST);
            request.putBoolean(true);
            request.putPublicKey(key);
            handled.add(session.request(HOSTKEYS_REQUEST, request, Duration.ofSeconds(5)) != null);
        }
        return handled;
    }

    /** Drops every client connection, as a reboot would. */
    void dropSessions() {
        server.getActiveSessions().forEach(s -> s.close(true));
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }
}
