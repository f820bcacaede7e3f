package io.pgha.verify.lab;

import io.pgha.transport.SshSettings;
import io.pgha.transport.SshTransportFactory;
import io.pgha.verify.drill.DrillKind;
import io.pgha.verify.drill.DrillResult;
import io.pgha.verify.drill.DrillRunner;
import io.pgha.verify.drill.FaultInjector;
import io.pgha.verify.drill.FaultInjectors;
import io.pgha.verify.report.DrillSummary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each drill on the real cluster: it recovers, loses nothing it must not, and leaves every node identical. */
class DrillIT {
    private static LabCluster lab;

    @BeforeAll
    static void cluster() throws Exception {
        lab = LabCluster.fromEnvironment();
    }

    @BeforeEach
    void healthy() {
        lab.awaitHealthy();
    }

    @ParameterizedTest
    @EnumSource(value = DrillKind.class, names = {"SWITCHOVER", "KILL_LEADER"})
    void drillRecoversWithoutLosingAcknowledgedWritesInSyncModeAndStaysConsistent(DrillKind kind) {
        Path knownHosts = lab.probes.spec().knownHosts()
                .orElse(Path.of(System.getProperty("user.home"), ".ssh", "known_hosts"));
        try (FaultInjector faults = FaultInjectors.forCluster(lab.probes.spec(),
                () -> new SshTransportFactory(SshSettings.strict(knownHosts)))) {
            DrillResult r = new DrillRunner(lab.probes, faults, Duration.ofMillis(50), System.out::println).run(kind);
            String summary = DrillSummary.text(List.of(r));

            assertThat(r.problems()).as(summary).isEmpty();
            assertThat(r.outage().recovered()).isTrue();
            assertThat(r.rtoSeconds()).isPositive();
            assertThat(r.consistent()).as(summary).isTrue();
            assertThat(r.audit().phantom()).isEmpty();
            if (r.synchronousMode()) {
                assertThat(r.audit().lost()).as("acknowledged writes lost in synchronous mode").isEmpty();
            }
            assertThat(r.verifyAfter().passed()).as(r.verifyAfter().text()).isTrue();
        }
    }
}
