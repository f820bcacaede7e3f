package io.pgha.transport;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.global.OpenSshHostKeysHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a connection negotiates, and what it ignores after login: both cost a no-change run's time. */
class KeyExchangeTest {
    @TempDir
    Path dir;
    Lab lab;
    SshTestServer server;

    @BeforeEach
    void start() throws Exception {
        lab = new Lab(dir);
        server = lab.server();
        lab.trust(server);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private void connectOnce() throws Exception {
        try (SshTransportFactory factory = lab.strictFactory();
             Transport transport = factory.open(lab.spec("db1", server))) {
            assertThat(transport.exec(RemoteCommand.of("true")).exitCode()).isZero();
        }
    }

    @Test
    void prefersTheMlKemHybridWhenTheServerOffersIt() throws Exception {
        connectOnce();
        assertThat(server.negotiatedKeyExchanges()).containsExactly(PostQuantumKexFirst.PREFERRED);
    }

    @Test
    void anOlderServerStillGetsAPostQuantumHybrid() throws Exception {
        // OpenSSH 9.0-9.8 (Debian 12's 9.2) offers sntrup761 but not ML-KEM.
        server.offerKeyExchanges(List.of("sntrup761x25519-sha512", "curve25519-sha256"));
        connectOnce();
        assertThat(server.negotiatedKeyExchanges()).containsExactly("sntrup761x25519-sha512");
    }

    @Test
    void hostKeysAnnouncedAfterLoginAreNotDecoded() {
        // OpenSSH's announcement wants no reply, so only the handler list shows whether the keys get decoded.
        assertThat(SshClient.setUpDefaultClient().getGlobalRequestHandlers())
                .anyMatch(handler -> handler instanceof OpenSshHostKeysHandler);
        assertThat(SshTransportFactory.newClient(lab.settings(HostKeyPolicy.STRICT)).getGlobalRequestHandlers())
                .isNotEmpty().noneMatch(handler -> handler instanceof OpenSshHostKeysHandler);
    }

    @Test
    void aConnectionSurvivesAnAnnouncementItDoesNotHandle() throws Exception {
        try (SshTransportFactory factory = lab.strictFactory();
             Transport transport = factory.open(lab.spec("db1", server))) {
            transport.exec(RemoteCommand.of("true"));
            assertThat(server.announceHostKey(TestKeys.ed25519().getPublic())).containsExactly(false);
            assertThat(transport.exec(RemoteCommand.of("echo still here")).stdout()).isEqualTo("still here\n");
        }
    }
}
