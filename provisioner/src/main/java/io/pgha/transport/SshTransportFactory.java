package io.pgha.transport;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.global.OpenSshHostKeysHandler;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.forward.AgentForwardingFilter;
import org.apache.sshd.server.forward.ForwardingFilter;
import org.apache.sshd.server.forward.TcpForwardingFilter;
import org.apache.sshd.server.forward.X11ForwardingFilter;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Opens SSH connections with Apache MINA SSHD: one {@link SshClient} per factory (it owns thread pools),
 * one session per host. Nothing is taken from {@code ~/.ssh}: no config file, no default keys; host keys are
 * checked against {@link SshSettings#knownHosts()} only.
 */
public final class SshTransportFactory implements TransportFactory {
    /** How users turn on {@link HostKeyPolicy#ACCEPT_NEW}; quoted in the unknown-host message. */
    static final String ACCEPT_NEW_HINT = "re-run with --accept-new-host-keys to trust and record it on first use";
    /** Dead peers are detected after this many unanswered heartbeats (like OpenSSH's ServerAliveCountMax). */
    private static final int HEARTBEATS_WITHOUT_REPLY = 3;

    private final SshSettings settings;
    private final SshClient client;
    private final SessionConnector connector;

    public SshTransportFactory(SshSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(settings.knownHosts(), "knownHosts");
        this.client = newClient(settings);
        client.start();
        this.connector = new SessionConnector(client, settings.connectTimeout());
    }

    /**
     * Starts initialising MINA's algorithm tables and security providers (BouncyCastle's registration most of
     * all: a few hundred milliseconds of class initialisation on a busy machine) on a daemon thread of its own,
     * so that a client created later, once its settings are known, starts at once. Needs no settings, connects
     * to nothing, and may be called before the command line is parsed.
     */
    public static void preloadInBackground() {
        Thread thread = new Thread(SshClient::setUpDefaultClient, "pgha-ssh-preload");
        thread.setDaemon(true);
        thread.start();
    }

    /** A client that trusts only {@code settings.knownHosts()} and takes nothing from {@code ~/.ssh}; not started. */
    static SshClient newClient(SshSettings settings) {
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(new HostKeyVerifier(settings.knownHosts(), settings.hostKeyPolicy(), ACCEPT_NEW_HINT));
        client.addSessionListener(new KnownKeyTypesFirst(settings.knownHosts()));
        client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
        client.setUserAuthFactories(List.of(UserAuthPublicKeyFactory.INSTANCE));
        client.setKeyExchangeFactories(PostQuantumKexFirst.order(client.getKeyExchangeFactories()));
        // OpenSSH announces all its host keys after login (hostkeys-00@openssh.com) for clients that update
        // known_hosts; pgha never does, and decoding them was a quarter of a no-change run's CPU (each RSA
        // modulus is primality-tested). Unhandled, the announcement (which wants no reply) is ignored.
        client.setGlobalRequestHandlers(client.getGlobalRequestHandlers().stream()
                .filter(handler -> !(handler instanceof OpenSshHostKeysHandler)).toList());
        client.setForwardingFilter(ForwardingFilter.asForwardingFilter(
                AgentForwardingFilter.of(false), X11ForwardingFilter.of(false), new LoopbackTunnelsOnly()));
        Duration heartbeat = settings.heartbeatInterval();
        if (heartbeat != null && !heartbeat.isZero() && !heartbeat.isNegative()) {
            CoreModuleProperties.HEARTBEAT_INTERVAL.set(client, heartbeat);
            CoreModuleProperties.HEARTBEAT_NO_REPLY_MAX.set(client, HEARTBEATS_WITHOUT_REPLY);
            // Heartbeats find dead peers, and each command has its own timeout: no idle cut-off is needed,
            // and MINA's 10-minute default would cut a long silent apt-get.
            CoreModuleProperties.IDLE_TIMEOUT.set(client, Duration.ZERO);
        }
        return client;
    }

    @Override
    public Transport open(ConnectionSpec spec) throws UnreachableException {
        if (Files.exists(settings.knownHosts()) && !Files.isReadable(settings.knownHosts())) {
            throw new UnreachableException(spec.hostName() + ": known_hosts file " + settings.knownHosts()
                    + " is not readable by this user");
        }
        ClientSession session = connector.open(spec);
        return new SshTransport(spec, connector, settings.connectTimeout(), session);
    }

    @Override
    public void close() {
        client.stop();
    }

    /** The client only listens for the jump-host tunnels it opens itself, on the loopback interface. */
    private static final class LoopbackTunnelsOnly implements TcpForwardingFilter {
        @Override
        public boolean canListen(SshdSocketAddress address, Session session) {
            return SshdSocketAddress.isLoopback(address.getHostName());
        }

        @Override
        public boolean canConnect(Type type, SshdSocketAddress address, Session session) {
            return false;
        }
    }
}
