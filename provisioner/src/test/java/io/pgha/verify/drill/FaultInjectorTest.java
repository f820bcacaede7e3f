package io.pgha.verify.drill;

import io.pgha.transport.LazyTransportFactory;
import io.pgha.transport.TransportFactory;
import io.pgha.transport.UnreachableException;
import io.pgha.verify.cluster.Member;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultInjectorTest {
    private static final Member PG1 = new Member("pg1", "10.0.0.1", 5432, 8008, 5000, 5001, 7000, null);
    private static final Member PG2 = new Member("pg2", "10.0.0.2", 5432, 8008, 5000, 5001, 7000, null);
    private static final Member PG3 = new Member("pg3", "fd00::3", 5432, 8008, 5000, 5001, 7000, null);

    private static Path script(Path dir, String body) throws Exception {
        Path s = dir.resolve("fault");
        Files.writeString(s, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(s, PosixFilePermissions.fromString("rwx------"));
        return s;
    }

    @Test
    void theCommandGetsActionHostAddressAndSeconds(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("calls");
        Path s = script(dir, "echo \"$@\" >> " + log);
        try (CommandFaultInjector f = new CommandFaultInjector(s + " {action} {host} {address} {seconds}",
                Set.of("partition"), null)) {
            f.inject(FaultAction.PARTITION, PG1, List.of(PG2), Duration.ofSeconds(45));
        }

        assertThat(Files.readString(log)).isEqualTo("partition pg1 10.0.0.1 45\n");
    }

    @Test
    void aFailingCommandReportsItsExitCodeAndOutput(@TempDir Path dir) throws Exception {
        Path s = script(dir, "echo 'pg1: no such container' >&2; exit 3");
        try (CommandFaultInjector f = new CommandFaultInjector(s + " {action} {host}", Set.of("crash"), null)) {
            assertThatThrownBy(() -> f.inject(FaultAction.CRASH, PG1, List.of(), Duration.ZERO))
                    .isInstanceOf(FaultException.class)
                    .hasMessage(s + " crash pg1 exited 3: pg1: no such container");
        }
    }

    @Test
    void anActionTheCommandDoesNotHandleWithoutSshIsRefused(@TempDir Path dir) throws Exception {
        Path s = script(dir, "exit 0");
        try (CommandFaultInjector f = new CommandFaultInjector(s + " {action} {host}", Set.of("crash", "start"), null)) {
            assertThat(f.supports(FaultAction.CRASH)).isTrue();
            assertThat(f.supports(FaultAction.KILL)).isFalse();
            assertThatThrownBy(() -> f.inject(FaultAction.KILL, PG1, List.of(), Duration.ZERO))
                    .hasMessageContaining("fault 'kill' on pg1: the fault command handles only");
        }
    }

    @Test
    void sshCrashNeedsTheExplicitOptIn() {
        try (SshFaultInjector ssh = new SshFaultInjector(new LazyTransportFactory(() -> {
            throw new AssertionError("no connection may be opened");
        }), false)) {
            assertThat(ssh.supports(FaultAction.KILL)).isTrue();
            assertThat(ssh.supports(FaultAction.CRASH)).isFalse();
            assertThatThrownBy(() -> ssh.inject(FaultAction.CRASH, PG1, List.of(), Duration.ZERO))
                    .hasMessageContaining("set pgha_fault_allow_sysrq: true");
        }
    }

    @Test
    void thePartitionSchedulesItsOwnHealBeforeCuttingThePeers() {
        String script = SshFaultInjector.partitionScript(List.of(PG2, PG3), Duration.ofSeconds(60));

        assertThat(script.indexOf("systemd-run")).isLessThan(script.indexOf("nft -f -"));
        assertThat(script).contains("--on-active=60 /usr/sbin/nft delete table inet pgha_drill",
                "ip saddr { 10.0.0.2 } drop;", "ip daddr { 10.0.0.2 } drop;", "ip6 saddr { fd00::3 } drop;");
    }

    @Test
    void aDrillIsRefusedUpFrontWhenItsFaultCannotBeInjected(@TempDir Path dir) throws Exception {
        Path s = script(dir, "exit 0");
        try (CommandFaultInjector f = new CommandFaultInjector(s + " {action} {host}", Set.of("partition", "heal"),
                null)) {
            DrillRunner runner = new DrillRunner(null, f, Duration.ofMillis(50), line -> { });

            assertThat(runner.unsupported(DrillKind.PARTITION_LEADER)).isEmpty();
            assertThat(runner.unsupported(DrillKind.SWITCHOVER)).isEmpty();
            assertThat(runner.unsupported(DrillKind.KILL_LEADER)).hasValueSatisfying(m ->
                    assertThat(m).startsWith("kill-leader needs the fault 'kill'"));
        }
    }

    @Test
    void preparingConnectsOnlyForFaultsThatGoOverSshAndAnUnreachableHostStopsTheDrillBeforeAnyFault(
            @TempDir Path dir) throws Exception {
        Path calls = dir.resolve("calls");
        Path s = script(dir, "echo \"$@\" >> " + calls);
        List<String> connects = new ArrayList<>();
        TransportFactory unreachable = new TransportFactory() {
            @Override
            public io.pgha.transport.Transport open(io.pgha.transport.ConnectionSpec spec) throws UnreachableException {
                connects.add("connect");
                throw new UnreachableException("pg1: connection refused");
            }

            @Override
            public void close() {
            }
        };
        try (CommandFaultInjector f = new CommandFaultInjector(s + " {action} {host}", Set.of("crash", "start"),
                new SshFaultInjector(new LazyTransportFactory(() -> unreachable), false))) {
            f.prepare(FaultAction.CRASH, PG1);
            assertThat(connects).isEmpty();

            assertThatThrownBy(() -> f.prepare(FaultAction.KILL, PG1))
                    .isInstanceOf(FaultException.class)
                    .hasMessageContaining("pg1: connection refused");
            assertThat(connects).hasSize(1);
        }
        assertThat(calls).doesNotExist();
    }
}
