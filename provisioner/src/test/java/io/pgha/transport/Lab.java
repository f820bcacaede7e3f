package io.pgha.transport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyPair;
import java.time.Duration;

/** A client key, its file, and a known_hosts file in one temporary directory, for the transport tests. */
final class Lab {
    final Path dir;
    final KeyPair clientKey;
    final Path keyFile;
    final Path knownHosts;

    Lab(Path dir) throws Exception {
        this.dir = dir;
        this.clientKey = TestKeys.ed25519();
        this.keyFile = TestKeys.writePrivateKey(clientKey, dir.resolve("id_ed25519"), null);
        this.knownHosts = dir.resolve("known_hosts");
    }

    SshTestServer server() throws Exception {
        return SshTestServer.start(dir, clientKey.getPublic());
    }

    /** Records the server in known_hosts, as a user who verified it would. */
    void trust(SshTestServer server) throws Exception {
        Files.writeString(knownHosts, server.knownHostsLine() + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    ConnectionSpec spec(String name, SshTestServer server) {
        return new ConnectionSpec(name, "127.0.0.1", server.port(), "admin", keyFile, null, false, null);
    }

    SshSettings settings(HostKeyPolicy policy) {
        return new SshSettings(knownHosts, policy, Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    SshTransportFactory strictFactory() {
        return new SshTransportFactory(settings(HostKeyPolicy.STRICT));
    }
}
