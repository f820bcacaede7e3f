package io.pgha.transport;

import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JumpHostTest {
    @TempDir
    static Path dir;
    static Lab lab;
    static SshTestServer bastion;
    static SshTestServer target;
    static SshTestServer bastionWithoutTunnels;
    static SshTestServer outerBastion;

    @BeforeAll
    static void start() throws Exception {
        lab = new Lab(dir);
        bastion = SshTestServer.start(dir, lab.clientKey.getPublic(), TestKeys.ed25519(), 0, true);
        bastionWithoutTunnels = SshTestServer.start(dir, lab.clientKey.getPublic(), TestKeys.ed25519(), 0, false);
        outerBastion = SshTestServer.start(dir, lab.clientKey.getPublic(), TestKeys.ed25519(), 0, true);
        target = lab.server();
    }

    @AfterAll
    static void stop() throws Exception {
        bastion.close();
        bastionWithoutTunnels.close();
        outerBastion.close();
        target.close();
    }

    private static ConnectionSpec targetVia(SshTestServer jumpServer) {
        ConnectionSpec jump = lab.spec("bastion", jumpServer);
        ConnectionSpec t = lab.spec("db1", target);
        return new ConnectionSpec(t.hostName(), t.address(), t.port(), t.user(), t.privateKeyFile(), null, true, jump);
    }

    private static void knownHosts(SshTestServer... servers) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (SshTestServer s : servers) {
            sb.append(s.knownHostsLine()).append('\n');
        }
        Files.writeString(lab.knownHosts, sb.toString());
    }

    @Test
    void reachesTheTargetThroughTheJumpHost() throws Exception {
        knownHosts(bastion, target);
        try (SshTransportFactory factory = lab.strictFactory(); Transport db1 = factory.open(targetVia(bastion))) {
            assertThat(db1.exec(RemoteCommand.asRoot("echo on target")).stdout()).isEqualTo("on target\n");
        }

        assertThat(bastion.tunnelsOpened).contains(new SshdSocketAddress("127.0.0.1", target.port()));
    }

    @Test
    void targetIsNotReachedWhenTheJumpHostRefusesToForward() throws Exception {
        knownHosts(bastionWithoutTunnels, target);
        try (SshTransportFactory factory = lab.strictFactory()) {
            assertThatThrownBy(() -> factory.open(targetVia(bastionWithoutTunnels)))
                    .isInstanceOf(UnreachableException.class)
                    .hasMessageStartingWith("db1 (admin@127.0.0.1:" + target.port() + " through jump host bastion): ")
                    .hasMessageContaining("check that bastion can reach 127.0.0.1:" + target.port()
                            + " and allows TCP forwarding");
        }
    }

    @Test
    void unknownJumpHostKeyIsRefused() throws Exception {
        knownHosts(target);
        try (SshTransportFactory factory = lab.strictFactory()) {
            assertThatThrownBy(() -> factory.open(targetVia(bastion)))
                    .isInstanceOf(UnreachableException.class)
                    .hasMessageContaining("unknown host key for bastion ([127.0.0.1]:" + bastion.port() + ")")
                    .hasMessageContaining(TestKeys.fingerprint(bastion.hostKey));
        }
    }

    @Test
    void unknownTargetKeyIsRefusedUnderTheTargetsOwnNameNotTheTunnelPort() throws Exception {
        knownHosts(bastion);
        try (SshTransportFactory factory = lab.strictFactory()) {
            assertThatThrownBy(() -> factory.open(targetVia(bastion)))
                    .isInstanceOf(UnreachableException.class)
                    .hasMessageContaining("through jump host bastion): unknown host key for db1 ([127.0.0.1]:"
                            + target.port() + ")")
                    .hasMessageContaining(TestKeys.fingerprint(target.hostKey));
        }
    }

    @Test
    void jumpHostsChain() throws Exception {
        knownHosts(outerBastion, bastion, target);
        ConnectionSpec outer = lab.spec("outer", outerBastion);
        ConnectionSpec inner = lab.spec("bastion", bastion);
        ConnectionSpec innerViaOuter = new ConnectionSpec(inner.hostName(), inner.address(), inner.port(), inner.user(),
                inner.privateKeyFile(), null, false, outer);
        ConnectionSpec t = lab.spec("db1", target);
        ConnectionSpec chained = new ConnectionSpec(t.hostName(), t.address(), t.port(), t.user(), t.privateKeyFile(),
                null, false, innerViaOuter);

        try (SshTransportFactory factory = lab.strictFactory(); Transport db1 = factory.open(chained)) {
            assertThat(db1.exec(RemoteCommand.of("echo two hops")).stdout()).isEqualTo("two hops\n");
        }
        assertThat(outerBastion.tunnelsOpened).contains(new SshdSocketAddress("127.0.0.1", bastion.port()));
        assertThat(bastion.tunnelsOpened).contains(new SshdSocketAddress("127.0.0.1", target.port()));
    }
}
