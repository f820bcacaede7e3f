package io.pgha.transport;

import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.util.net.SshdSocketAddress;

/**
 * What one connection attempt checks its host key against, and why it was refused if it was.
 * Travels in the session's connection context, so the verifier knows the host's real name and port
 * even when the TCP connection goes to a local tunnel through a jump host.
 */
final class HostKeyCheck {
    static final AttributeKey<HostKeyCheck> KEY = new AttributeKey<>();

    private final String hostName;
    private final SshdSocketAddress identity;
    private volatile String refusal;

    HostKeyCheck(String hostName, String address, int port) {
        this.hostName = hostName;
        this.identity = new SshdSocketAddress(address, port);
    }

    String hostName() {
        return hostName;
    }

    /** The host as known_hosts names it: {@code host} on port 22, else {@code [host]:port}. */
    SshdSocketAddress identity() {
        return identity;
    }

    String knownHostsName() {
        return identity.getPort() == 22 ? identity.getHostName()
                : "[" + identity.getHostName() + "]:" + identity.getPort();
    }

    void refuse(String reason) {
        refusal = reason;
    }

    /** Why the host key was refused, or null if it was not. */
    String refusal() {
        return refusal;
    }
}
