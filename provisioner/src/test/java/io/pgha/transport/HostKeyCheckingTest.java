package io.pgha.transport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyPairProvider;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HostKeyCheckingTest {
    @TempDir
    static Path dir;
    static Lab lab;
    static SshTestServer server;

    @TempDir
    Path home;
    Path knownHosts;

    @BeforeAll
    static void startServer() throws Exception {
        lab = new Lab(dir);
        server = lab.server();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @BeforeEach
    void freshKnownHosts() {
        knownHosts = home.resolve(".config/pgha/known_hosts");
    }

    private SshTransportFactory factory(HostKeyPolicy policy) {
        SshSettings base = lab.settings(policy);
        return new SshTransportFactory(new SshSettings(knownHosts, policy, base.connectTimeout(),
                base.heartbeatInterval()));
    }

    @Test
    void unknownHostIsRefusedWithItsFingerprintAndTheFix() throws Exception {
        int port = server.port();
        try (SshTransportFactory factory = factory(HostKeyPolicy.STRICT)) {
            assertThatThrownBy(() -> factory.open(lab.spec("db1", server)))
                    .isInstanceOf(UnreachableException.class)
                    .hasMessageStartingWith("db1 (admin@127.0.0.1:" + port + "): unknown host key for db1 ([127.0.0.1]:"
                            + port + "): ssh-ed25519 " + TestKeys.fingerprint(server.hostKey) + " is not in " + knownHosts)
                    .hasMessageContaining("`ssh-keyscan -p " + port + " 127.0.0.1 >> " + knownHosts + "`")
                    .hasMessageContaining("--accept-new-host-keys");
        }
        assertThat(knownHosts).doesNotExist();
    }

    @Test
    void changedHostKeyIsRefusedWithBothFingerprintsEvenUnderAcceptNew() throws Exception {
        KeyPair oldKey = TestKeys.ed25519();
        Files.createDirectories(knownHosts.getParent());
        Files.writeString(knownHosts, TestKeys.knownHostsLine(server.port(), oldKey) + "\n");

        for (HostKeyPolicy policy : HostKeyPolicy.values()) {
            try (SshTransportFactory factory = factory(policy)) {
                assertThatThrownBy(() -> factory.open(lab.spec("db1", server)))
                        .isInstanceOf(UnreachableException.class)
                        .hasMessageContaining("HOST KEY CHANGED for db1 ([127.0.0.1]:" + server.port() + ")")
                        .hasMessageContaining(TestKeys.fingerprint(oldKey))
                        .hasMessageContaining("presented ssh-ed25519 " + TestKeys.fingerprint(server.hostKey))
                        .hasMessageContaining("`ssh-keygen -R '[127.0.0.1]:" + server.port() + "' -f " + knownHosts + "`");
            }
        }
        assertThat(Files.readString(knownHosts)).isEqualTo(TestKeys.knownHostsLine(server.port(), oldKey) + "\n");
    }

    @Test
    void acceptNewRecordsTheKeyPrivatelyAndStrictModeThenTrustsIt() throws Exception {
        try (SshTransportFactory factory = factory(HostKeyPolicy.ACCEPT_NEW);
             Transport db1 = factory.open(lab.spec("db1", server))) {
            assertThat(db1.exec(RemoteCommand.of("echo hi")).stdout()).isEqualTo("hi\n");
        }

        assertThat(Files.readAllLines(knownHosts)).containsExactly(server.knownHostsLine());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(knownHosts))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(knownHosts.getParent())))
                .isEqualTo("rwx------");
        try (SshTransportFactory factory = factory(HostKeyPolicy.STRICT);
             Transport db1 = factory.open(lab.spec("db1", server))) {
            assertThat(db1.exec(RemoteCommand.of("echo again")).stdout()).isEqualTo("again\n");
        }
    }

    @Test
    void hostKnownOnAnotherPortIsStillUnknown() throws Exception {
        Files.createDirectories(knownHosts.getParent());
        Files.writeString(knownHosts, "127.0.0.1 " + server.knownHostsLine().split(" ", 2)[1] + "\n");

        try (SshTransportFactory factory = factory(HostKeyPolicy.STRICT)) {
            assertThatThrownBy(() -> factory.open(lab.spec("db1", server)))
                    .isInstanceOf(UnreachableException.class)
                    .hasMessageContaining("unknown host key for db1");
        }
    }

    @Test
    void asksForTheKeyTypeThatKnownHostsHas() throws Exception {
        // MINA alone would prefer the ECDSA key and report the ed25519-only entry as a changed key.
        KeyPair ecdsa = KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256);
        try (SshTestServer twoKeys = SshTestServer.start(dir, lab.clientKey.getPublic(), TestKeys.ed25519(), 0, false,
                ecdsa)) {
            Files.createDirectories(knownHosts.getParent());
            Files.writeString(knownHosts, twoKeys.knownHostsLine() + "\n");
            try (SshTransportFactory factory = factory(HostKeyPolicy.STRICT);
                 Transport db1 = factory.open(lab.spec("db1", twoKeys))) {
                assertThat(db1.exec(RemoteCommand.of("echo ok")).stdout()).isEqualTo("ok\n");
            }
        }
    }

    @Test
    void prefersEd25519AmongTheKnownKeyTypes() throws Exception {
        // known_hosts holds an ECDSA key that is not the server's: asking for ECDSA would be refused as changed.
        KeyPair ecdsa = KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256);
        KeyPair otherEcdsa = KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256);
        try (SshTestServer twoKeys = SshTestServer.start(dir, lab.clientKey.getPublic(), TestKeys.ed25519(), 0, false,
                ecdsa)) {
            Files.createDirectories(knownHosts.getParent());
            Files.writeString(knownHosts, TestKeys.knownHostsLine(twoKeys.port(), otherEcdsa) + "\n"
                    + twoKeys.knownHostsLine() + "\n");
            try (SshTransportFactory factory = factory(HostKeyPolicy.STRICT);
                 Transport db1 = factory.open(lab.spec("db1", twoKeys))) {
                assertThat(db1.exec(RemoteCommand.of("echo ok")).stdout()).isEqualTo("ok\n");
            }
        }
    }
}
