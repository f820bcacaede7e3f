package io.pgha.verify.lab;

import io.pgha.verify.checks.CheckResult;
import io.pgha.verify.checks.Verifier;
import io.pgha.verify.checks.VerifyReport;
import io.pgha.verify.cluster.Member;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Every way verify can fail on a real cluster, each with a message that names the member and the cause. */
class VerifyFailuresIT {
    private static LabCluster lab;

    @BeforeAll
    static void cluster() throws Exception {
        lab = LabCluster.fromEnvironment();
    }

    @BeforeEach
    void healthy() {
        lab.awaitHealthy();
    }

    private static VerifyReport verify() {
        return new Verifier(lab.probes, Duration.ofSeconds(8)).verify(r -> { });
    }

    private static CheckResult check(VerifyReport r, String name) {
        Optional<CheckResult> c = r.results().stream().filter(x -> x.name().equals(name)).findFirst();
        assertThat(c).as("check '%s' ran", name).isPresent();
        return c.get();
    }

    @Test
    void aHealthyClusterPassesEveryCheckAndDropsTheScratchTable() {
        VerifyReport r = verify();

        assertThat(r.passed()).as(r.text()).isTrue();
        assertThat(r.results()).hasSize(9);
    }

    @Test
    void aStoppedReplicaIsNamedAsNotStreaming() throws Exception {
        Member replica = lab.replica();
        lab.stop(replica, "patroni");
        try {
            VerifyReport r = verify();

            assertThat(r.passed()).isFalse();
            // A cleanly stopped member stays in /cluster as "stopped" until its etcd lease runs out (ttl).
            CheckResult streaming = check(r, "replicas streaming on the leader's timeline");
            assertThat(streaming.passed()).isFalse();
            assertThat(streaming.observed()).containsAnyOf(replica.name() + " not in Patroni's /cluster",
                    replica.name() + " stopped TL ? lag unknown: state stopped, expected streaming");
            assertThat(streaming.expected()).contains("pg_stat_wal_receiver.status = streaming");
            assertThat(streaming.lookAt()).contains("journalctl -u patroni");
            CheckResult known = check(r, "every member known to Patroni");
            if (!known.passed()) {
                assertThat(known.observed()).contains("missing " + replica.name());
            }
            assertThat(check(r, "exactly one leader").passed()).isTrue();
            assertThat(check(r, "etcd healthy with quorum on every member").passed()).isTrue();
        } finally {
            lab.startAll(replica);
            lab.awaitHealthy();
        }
    }

    @Test
    void anEtcdMemberDownIsNamedWhileTheRestStillWorks() throws Exception {
        Member member = lab.replica();
        lab.stop(member, "etcd");
        try {
            VerifyReport r = verify();

            CheckResult etcd = check(r, "etcd healthy with quorum on every member");
            assertThat(etcd.passed()).isFalse();
            assertThat(etcd.observed()).contains((lab.probes.spec().etcd().size() - 1) + "/"
                    + lab.probes.spec().etcd().size() + " healthy").contains(member.name() + ": ");
            assertThat(etcd.expected()).contains("quorum needs 2");
            assertThat(etcd.lookAt()).contains("journalctl -u etcd");
            // Two of three etcd members keep quorum: the database side stays fine.
            assertThat(check(r, "exactly one leader").passed()).isTrue();
            assertThat(check(r, "a write through every HAProxy primary port reaches the leader").passed()).isTrue();
        } finally {
            lab.startAll(member);
            lab.awaitHealthy();
        }
    }
}
