package io.pgha.verify.lab;

import io.pgha.transport.ExecResult;
import io.pgha.transport.RemoteCommand;
import io.pgha.transport.SshSettings;
import io.pgha.transport.SshTransportFactory;
import io.pgha.transport.Transport;
import io.pgha.verify.ClusterSession;
import io.pgha.verify.checks.Verifier;
import io.pgha.verify.checks.VerifyReport;
import io.pgha.verify.cluster.Member;
import io.pgha.verify.probe.ClusterProbes;
import io.pgha.verify.probe.PatroniMember;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real cluster the lab tests run against: the inventory named by {@code -Dpgha.lab.inventory} or
 * {@code PGHA_LAB_INVENTORY}, and a way to stop and start one member's services (the inventory's fault
 * command when it handles the action, else systemd over SSH).
 */
final class LabCluster {
    final Path inventory;
    final ClusterProbes probes;

    private LabCluster(Path inventory, ClusterProbes probes) {
        this.inventory = inventory;
        this.probes = probes;
    }

    static LabCluster fromEnvironment() throws ClusterSession.BadInput {
        String path = System.getProperty("pgha.lab.inventory", System.getenv("PGHA_LAB_INVENTORY"));
        if (path == null || path.isBlank()) {
            throw new IllegalStateException("lab tests need a running cluster: set -Dpgha.lab.inventory=FILE or "
                    + "PGHA_LAB_INVENTORY (lab/up prints it; dev/loopback-cluster up writes one too)");
        }
        Path inv = Path.of(path);
        return new LabCluster(inv, ClusterSession.open(inv, Map.of()));
    }

    PatroniMember leader() {
        return probes.clusterView().members().stream().filter(PatroniMember::isLeader).findFirst().orElseThrow();
    }

    /** A member that is not the leader. */
    Member replica() {
        String leader = leader().name();
        return probes.spec().members().stream().filter(m -> !m.name().equals(leader)).findFirst().orElseThrow();
    }

    /** Waits until the read-only health checks pass, so every test starts from and leaves a healthy cluster. */
    void awaitHealthy() {
        VerifyReport r = new Verifier(probes, Duration.ofMinutes(3)).run(Verifier.healthChecks(), x -> { });
        assertThat(r.passed()).as("cluster healthy again: %s", r.text()).isTrue();
    }

    /** Stops a service: {@code patroni} (and so PostgreSQL) or {@code etcd}. */
    void stop(Member m, String service) throws Exception {
        run(m, service.equals("patroni") ? "stop" : "stop-" + service, "systemctl stop " + service);
    }

    /** Starts whatever {@link #stop} stopped. */
    void startAll(Member m) throws Exception {
        run(m, "start-service", "systemctl start etcd patroni haproxy");
    }

    private void run(Member m, String action, String overSsh) throws Exception {
        if (probes.spec().faultCommand().isPresent() && probes.spec().faultCommandActions().contains(action)) {
            List<String> argv = new ArrayList<>();
            for (String t : probes.spec().faultCommand().get().strip().split("\\s+")) {
                argv.add(t.replace("{action}", action).replace("{host}", m.name()).replace("{address}", m.address())
                        .replace("{seconds}", "60"));
            }
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as("%s: %s", argv, out).isZero();
            return;
        }
        Path knownHosts = probes.spec().knownHosts()
                .orElse(Path.of(System.getProperty("user.home"), ".ssh", "known_hosts"));
        try (SshTransportFactory f = new SshTransportFactory(SshSettings.strict(knownHosts));
             Transport t = f.open(m.connection())) {
            ExecResult r = t.exec(RemoteCommand.asRoot(overSsh).withTimeout(Duration.ofMinutes(2)));
            assertThat(r.ok()).as("%s on %s: %s", overSsh, m.name(), r.errorText()).isTrue();
        }
    }
}
