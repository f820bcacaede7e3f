package io.pgha.transport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every way a connection can fail ends in an UnreachableException with a one-line reason. */
class ConnectFailuresTest {
    @TempDir
    static Path dir;
    static Lab lab;
    static SshTestServer server;
    static SshTransportFactory factory;

    @BeforeAll
    static void start() throws Exception {
        lab = new Lab(dir);
        server = lab.server();
        lab.trust(server);
        factory = lab.strictFactory();
    }

    @AfterAll
    static void stop() throws Exception {
        factory.close();
        server.close();
    }

    private static ConnectionSpec withKey(Path keyFile, String passphrase) {
        ConnectionSpec s = lab.spec("db1", server);
        return new ConnectionSpec(s.hostName(), s.address(), s.port(), s.user(), keyFile, passphrase, false, null);
    }

    @Test
    void wrongKeyIsAnAuthenticationFailure() throws Exception {
        Path otherKey = TestKeys.writePrivateKey(TestKeys.ed25519(), dir.resolve("other_key"), null);

        assertThatThrownBy(() -> factory.open(withKey(otherKey, null)))
                .isInstanceOf(UnreachableException.class)
                .hasMessage("db1 (admin@127.0.0.1:" + server.port() + "): authentication failed for user admin with key "
                        + otherKey + " (publickey)");
    }

    @Test
    void closedPortIsConnectionRefused() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        ConnectionSpec spec = new ConnectionSpec("db2", "127.0.0.1", closedPort, "admin", lab.keyFile, null, false, null);

        assertThatThrownBy(() -> factory.open(spec))
                .isInstanceOf(UnreachableException.class)
                .hasMessage("db2 (admin@127.0.0.1:" + closedPort + "): connection refused (is sshd running and listening on port "
                        + closedPort + "?)");
    }

    @Test
    void silentServerTimesOut() throws Exception {
        SshSettings quick = new SshSettings(lab.knownHosts, HostKeyPolicy.STRICT, Duration.ofSeconds(1), Duration.ofSeconds(30));
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             SshTransportFactory impatient = new SshTransportFactory(quick)) {
            Thread acceptor = new Thread(() -> {
                try (Socket ignored = silent.accept()) {
                    Thread.sleep(10_000);
                } catch (Exception e) {
                    // closed by the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            ConnectionSpec spec = new ConnectionSpec("db3", "127.0.0.1", silent.getLocalPort(), "admin", lab.keyFile,
                    null, false, null);

            assertThatThrownBy(() -> impatient.open(spec))
                    .isInstanceOf(UnreachableException.class)
                    .hasMessageStartingWith("db3 (admin@127.0.0.1:" + silent.getLocalPort() + "): ")
                    .hasMessageContaining("within 1s");
            acceptor.interrupt();
        }
    }

    @Test
    void unresolvableNameSaysSo() {
        ConnectionSpec spec = new ConnectionSpec("db4", "no-such-host.invalid", 22, "admin", lab.keyFile, null, false, null);

        assertThatThrownBy(() -> factory.open(spec))
                .isInstanceOf(UnreachableException.class)
                .hasMessageContaining("cannot resolve host name no-such-host.invalid");
    }

    @Test
    void missingOrUnreadableKeyFileIsNamed() throws Exception {
        Path missing = dir.resolve("nope");
        assertThatThrownBy(() -> factory.open(withKey(missing, null)))
                .isInstanceOf(UnreachableException.class)
                .hasMessage("db1: SSH private key file " + missing + " does not exist");
        assertThatThrownBy(() -> factory.open(withKey(null, null)))
                .isInstanceOf(UnreachableException.class)
                .hasMessageContaining("no SSH private key file is configured for user admin");
        Path garbage = Files.writeString(dir.resolve("garbage_key"), "not a key\n");
        assertThatThrownBy(() -> factory.open(withKey(garbage, null)))
                .isInstanceOf(UnreachableException.class)
                .hasMessageStartingWith("db1: ")
                .hasMessageContaining(garbage.toString());
    }

    @Test
    void encryptedKeyNeedsItsPassphraseWhichIsNeverPrinted() throws Exception {
        Path encrypted = TestKeys.writePrivateKey(lab.clientKey, dir.resolve("id_encrypted"), "s3cret-phrase");
        Files.setPosixFilePermissions(encrypted, PosixFilePermissions.fromString("rw-------"));

        try (Transport db1 = factory.open(withKey(encrypted, "s3cret-phrase"))) {
            assertThat(db1.exec(RemoteCommand.of("echo in")).stdout()).isEqualTo("in\n");
        }
        assertThatThrownBy(() -> factory.open(withKey(encrypted, "wrong-phrase")))
                .isInstanceOf(UnreachableException.class)
                .hasMessageContaining("cannot read SSH private key " + encrypted)
                .hasMessageContaining("wrong passphrase?")
                .hasMessageNotContaining("wrong-phrase ");
        assertThatThrownBy(() -> factory.open(withKey(encrypted, null)))
                .isInstanceOf(UnreachableException.class)
                .hasMessageContaining("give its passphrase");
    }
}
