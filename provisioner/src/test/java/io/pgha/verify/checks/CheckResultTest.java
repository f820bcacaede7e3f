package io.pgha.verify.checks;

import io.pgha.verify.probe.PatroniConfig;
import io.pgha.verify.probe.PatroniMember;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CheckResultTest {

    @Test
    void aPassIsOneLineWithTheObservedValue() {
        assertThat(CheckResult.pass("exactly one leader", "leader pg1 (running, timeline 3)", Duration.ZERO).message())
                .isEqualTo("PASS exactly one leader: leader pg1 (running, timeline 3)");
    }

    @Test
    void aFailureSaysWhatWasSeenExpectedAndWhereToLook() {
        CheckResult r = CheckResult.fail("etcd healthy", "2/3 healthy; pg3: connection refused",
                "health true on all 3", "journalctl -u etcd on pg3", Duration.ofSeconds(5));

        assertThat(r.message()).isEqualTo("FAIL etcd healthy: 2/3 healthy; pg3: connection refused\n"
                + "     expected: health true on all 3\n     look at: journalctl -u etcd on pg3");
    }

    @Test
    void theTimingRuleNamesTheValues() {
        CheckResult bad = TimingRuleCheck.judge("timing", new PatroniConfig(30, 10, 15, false, 1, 300), Duration.ZERO);
        CheckResult good = TimingRuleCheck.judge("timing", new PatroniConfig(30, 10, 10, false, 1, 300), Duration.ZERO);

        assertThat(bad.passed()).isFalse();
        assertThat(bad.observed()).isEqualTo("ttl=30 loop_wait=10 retry_timeout=15: loop_wait + 2*retry_timeout = 40 > ttl");
        assertThat(bad.lookAt()).contains("patroni_ttl");
        assertThat(good.passed()).isTrue();
        assertThat(good.observed()).endsWith("= 30 <= ttl");
    }

    @Test
    void replicaProblemsSayWhatIsWrong() {
        assertThat(ReplicasStreamingCheck.problem(member("replica", "streaming", 3, 0L), 3, 100)).isNull();
        assertThat(ReplicasStreamingCheck.problem(member("replica", "running", 3, 0L), 3, 100)).isNull();
        assertThat(ReplicasStreamingCheck.problem(member("replica", "stopped", null, null), 3, 100))
                .isEqualTo("state stopped, expected streaming");
        assertThat(ReplicasStreamingCheck.problem(member("replica", "streaming", 2, 0L), 3, 100))
                .isEqualTo("timeline 2, expected the leader's 3");
        assertThat(ReplicasStreamingCheck.problem(member("replica", "streaming", 3, 500L), 3, 100))
                .isEqualTo("lag 500 B over 100 B");
        assertThat(ReplicasStreamingCheck.problem(member("leader", "running", 3, null), 3, 100))
                .isEqualTo("role leader, expected replica");
    }

    @Test
    void theReportListsEveryCheckAndExplainsFailures() {
        VerifyReport report = new VerifyReport(List.of(
                CheckResult.pass("exactly one leader", "leader pg1", Duration.ofMillis(20)),
                CheckResult.fail("etcd healthy", "pg3: connection refused", "all healthy", "journalctl -u etcd",
                        Duration.ofSeconds(2))));

        assertThat(report.passed()).isFalse();
        assertThat(report.text()).contains("| exactly one leader | pass", "| etcd healthy       | FAIL",
                "FAIL etcd healthy: pg3: connection refused", "verify: 1 of 2 checks FAILED");
        assertThat(report.json()).containsEntry("passed", false);
    }

    @Test
    void pollingStopsAtTheDeadlineWithTheLastObservation() {
        int[] calls = {0};
        Poll.Outcome o = Poll.until(Duration.ofMillis(200), Duration.ofMillis(20),
                () -> Poll.Attempt.notYet("look " + ++calls[0]));

        assertThat(o.done()).isFalse();
        assertThat(o.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(o.last().observed()).isEqualTo("look " + calls[0]);
        assertThat(calls[0]).isGreaterThan(2);
    }

    private static PatroniMember member(String role, String state, Integer tl, Long lag) {
        return new PatroniMember("pg2", role, state, "10.0.0.2", 5432, tl, lag);
    }
}
