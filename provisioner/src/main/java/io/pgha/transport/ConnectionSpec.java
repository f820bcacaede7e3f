package io.pgha.transport;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to reach one host, as resolved from the inventory.
 *
 * @param hostName       inventory name (used in messages and results)
 * @param address        DNS name or IP address to connect to
 * @param port           SSH port
 * @param user           login user
 * @param privateKeyFile key file, or null to fail with a clear message
 * @param passphrase     key passphrase or null; never printed
 * @param become         whether tasks run as root through sudo by default
 * @param jump           optional jump host (ProxyJump), itself a full spec
 */
public record ConnectionSpec(String hostName, String address, int port, String user, Path privateKeyFile,
                             String passphrase, boolean become, ConnectionSpec jump) {
    public ConnectionSpec {
        Objects.requireNonNull(hostName, "hostName");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(user, "user");
    }

    @Override
    public String toString() {
        // No passphrase here: specs end up in logs and exception messages.
        return user + "@" + address + ":" + port + (jump == null ? "" : " via " + jump.address());
    }
}
