package io.pgha.transport;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.future.AuthFuture;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.client.session.forward.ExplicitPortForwardingTracker;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.util.net.SshdSocketAddress;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;

/**
 * Opens one authenticated session to a host, directly or through its jump host, and turns every
 * way this can fail into an {@link UnreachableException} with a one-line reason.
 */
final class SessionConnector {
    private final SshClient client;
    private final Duration connectTimeout;

    SessionConnector(SshClient client, Duration connectTimeout) {
        this.client = client;
        this.connectTimeout = connectTimeout;
    }

    ClientSession open(ConnectionSpec spec) throws UnreachableException {
        List<KeyPair> keys = KeyFiles.load(spec);
        if (spec.jump() == null) {
            return connect(spec, keys, spec.address(), spec.port(), "");
        }
        ClientSession jumpSession = open(spec.jump());
        try {
            // A local tunnel through the jump host; the target's key is still checked under its own name.
            ExplicitPortForwardingTracker tunnel = jumpSession.createLocalPortForwardingTracker(
                    new SshdSocketAddress(SshdSocketAddress.LOCALHOST_IPV4, 0),
                    new SshdSocketAddress(spec.address(), spec.port()));
            SshdSocketAddress local = tunnel.getBoundAddress();
            ClientSession session = connect(spec, keys, local.getHostName(), local.getPort(),
                    " through jump host " + spec.jump().hostName());
            session.addCloseFutureListener(f -> {
                closeQuietly(tunnel);
                jumpSession.close(true);
            });
            jumpSession.addCloseFutureListener(f -> session.close(true));
            return session;
        } catch (IOException | RuntimeException e) {
            jumpSession.close(true);
            throw new UnreachableException(spec.hostName() + ": cannot open a tunnel through jump host "
                    + spec.jump().hostName() + ": " + Reasons.oneLine(e), e);
        } catch (UnreachableException e) {
            jumpSession.close(true);
            throw e;
        }
    }

    private ClientSession connect(ConnectionSpec spec, List<KeyPair> keys, String dialHost, int dialPort, String via)
            throws UnreachableException {
        HostKeyCheck check = new HostKeyCheck(spec.hostName(), spec.address(), spec.port());
        AttributeRepository context = AttributeRepository.ofKeyValuePair(HostKeyCheck.KEY, check);
        ClientSession session = null;
        try {
            ConnectFuture connecting = client.connect(spec.user(), dialHost, dialPort, context, null);
            if (!connecting.await(connectTimeout)) {
                connecting.cancel();
                throw new UnreachableException(where(spec, via) + "connection timed out after "
                        + Reasons.human(connectTimeout));
            }
            if (connecting.getException() != null) {
                throw unreachable(spec, via, check, connecting.getException());
            }
            session = connecting.getSession();
            session.setKeyIdentityProvider(KeyIdentityProvider.wrapKeyPairs(keys));
            AuthFuture auth = session.auth();
            if (!auth.await(connectTimeout)) {
                throw new UnreachableException(where(spec, via) + (check.refusal() != null ? check.refusal()
                        : "no answer during key exchange or authentication within " + Reasons.human(connectTimeout)));
            }
            if (!auth.isSuccess()) {
                throw unreachable(spec, via, check, auth.getException());
            }
            return session;
        } catch (IOException | RuntimeException e) {
            if (session != null) {
                session.close(true);
            }
            throw unreachable(spec, via, check, e);
        } catch (UnreachableException e) {
            if (session != null) {
                session.close(true);
            }
            throw e;
        }
    }

    private UnreachableException unreachable(ConnectionSpec spec, String via, HostKeyCheck check, Throwable e) {
        return new UnreachableException(where(spec, via) + reason(spec, check, e), e);
    }

    private String reason(ConnectionSpec spec, HostKeyCheck check, Throwable e) {
        if (check.refusal() != null) {
            return check.refusal();
        }
        if (e == null) {
            return "authentication failed for user " + spec.user() + " with key " + spec.privateKeyFile()
                    + " (publickey)";
        }
        if (Reasons.find(e, ConnectException.class) != null) {
            return "connection refused (is sshd running and listening on port " + spec.port() + "?)";
        }
        if (Reasons.find(e, UnresolvedAddressException.class) != null
                || Reasons.find(e, UnknownHostException.class) != null) {
            return "cannot resolve host name " + spec.address();
        }
        if (Reasons.find(e, NoRouteToHostException.class) != null) {
            return "no route to host";
        }
        if (Reasons.find(e, SocketTimeoutException.class) != null) {
            return "connection timed out after " + Reasons.human(connectTimeout);
        }
        String text = Reasons.oneLine(e);
        if (text.contains("No more authentication methods available")) {
            return "authentication failed for user " + spec.user() + " with key " + spec.privateKeyFile()
                    + " (publickey)";
        }
        boolean closed = text.contains("Session is being closed") || text.contains("Connection reset")
                || text.contains("Broken pipe") || Reasons.find(e, EOFException.class) != null;
        String reason = closed ? "the connection was closed during key exchange or authentication (" + text + ")" : text;
        // Through a jump host, the usual cause is the tunnel: the jump host cannot reach the target or forbids it.
        return spec.jump() == null ? reason : reason + "; check that " + spec.jump().hostName() + " can reach "
                + spec.address() + ":" + spec.port() + " and allows TCP forwarding (AllowTcpForwarding)";
    }

    private static String where(ConnectionSpec spec, String via) {
        return spec.hostName() + " (" + spec.user() + "@" + spec.address() + ":" + spec.port() + via + "): ";
    }

    private static void closeQuietly(ExplicitPortForwardingTracker tunnel) {
        try {
            tunnel.close();
        } catch (IOException e) {
            // the session it lived on is going away anyway
        }
    }
}
