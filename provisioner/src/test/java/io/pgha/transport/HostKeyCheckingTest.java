package io.pgha.transport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.util.net.SshdSocketAddress;

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
    @Test
    void oneFactoryTrustsEachHostByItsOwnLinesOfAFileWithManyHosts() throws Exception {
        // The lines of each host are read for its own connection: the second host must not see only the first's.
        try (SshTestServer other = SshTestServer.start(dir, lab.clientKey.getPublic(), TestKeys.ed25519(), 0, false)) {
            Files.createDirectories(knownHosts.getParent());
            Files.writeString(knownHosts, server.knownHostsLine() + "\n" + other.knownHostsLine() + "\n");
            // An old file, as usual: MINA re-reads a file changed in the last seconds for every connection anyway.
            Files.setLastModifiedTime(knownHosts, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
            try (SshTransportFactory factory = factory(HostKeyPolicy.STRICT);
                 Transport db1 = factory.open(lab.spec("db1", server));
                 Transport db2 = factory.open(lab.spec("db2", other))) {
                assertThat(db1.exec(RemoteCommand.of("echo one")).stdout()).isEqualTo("one\n");
                assertThat(db2.exec(RemoteCommand.of("echo two")).stdout()).isEqualTo("two\n");
            }
        }
    }

    @Test
    void aKeyOfAnotherTypeThanTheKnownOnesIsRefusedAsChanged() throws Exception {
        // known_hosts knows the host only by an ECDSA key; the server offers ed25519 alone.
        KeyPair knownEcdsa = KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256);
        Files.createDirectories(knownHosts.getParent());
        Files.writeString(knownHosts, TestKeys.knownHostsLine(server.port(), knownEcdsa) + "\n");
        try (SshTransportFactory factory = factory(HostKeyPolicy.ACCEPT_NEW)) {
            assertThatThrownBy(() -> factory.open(lab.spec("db1", server)))
                    .isInstanceOf(UnreachableException.class)
                    .hasMessageContaining("HOST KEY CHANGED for db1")
                    .hasMessageContaining("has ecdsa-sha2-nistp256 " + KeyUtils.getFingerPrint(knownEcdsa.getPublic()))
                    .hasMessageContaining("presented ssh-ed25519 " + TestKeys.fingerprint(server.hostKey));
        }
    }

    @Test
    void onlyTheLinesThatNameTheHostAreDecoded() throws Exception {
        SshdSocketAddress host = new SshdSocketAddress("10.0.0.11", 22);
        SshdSocketAddress onPort = new SshdSocketAddress("10.0.0.11", 2222);
        String key = " ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAICtfFSH1iWm+hyN2YyhLQBlZ6kjwaiNfl0/QII57B5d5";

        assertThat(HostKeyVerifier.concerns(KnownHostEntry.parseKnownHostEntry("10.0.0.11" + key), host)).isTrue();
        assertThat(HostKeyVerifier.concerns(KnownHostEntry.parseKnownHostEntry("10.0.0.12" + key), host)).isFalse();
        assertThat(HostKeyVerifier.concerns(KnownHostEntry.parseKnownHostEntry("10.0.0.*" + key), host)).isTrue();
        assertThat(HostKeyVerifier.concerns(KnownHostEntry.parseKnownHostEntry("[10.0.0.11]:2222" + key), onPort)).isTrue();
        assertThat(HostKeyVerifier.concerns(KnownHostEntry.parseKnownHostEntry("[10.0.0.11]:2222" + key), host)).isFalse();
        assertThat(HostKeyVerifier.concerns(KnownHostEntry.parseKnownHostEntry(hashed("10.0.0.11") + key), host)).isTrue();
        assertThat(HostKeyVerifier.concerns(KnownHostEntry.parseKnownHostEntry(hashed("10.0.0.12") + key), host)).isFalse();
    }

    /** The name as OpenSSH's HashKnownHosts writes it: |1|salt|HMAC-SHA1(salt, name). */
    private static String hashed(String name) throws Exception {
        byte[] salt = new byte[20];
        new java.security.SecureRandom().nextBytes(salt);
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
        mac.init(new javax.crypto.spec.SecretKeySpec(salt, "HmacSHA1"));
        java.util.Base64.Encoder b64 = java.util.Base64.getEncoder();
        return "|1|" + b64.encodeToString(salt) + "|" + b64.encodeToString(mac.doFinal(name.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }
}
