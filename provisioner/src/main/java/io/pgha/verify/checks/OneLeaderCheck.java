package io.pgha.verify.checks;

import io.pgha.verify.probe.ClusterProbes;
import io.pgha.verify.probe.PatroniMember;

import java.util.List;

/** Exactly one member is the running leader. */
public final class OneLeaderCheck implements Check {
    @Override
    public String name() {
        return "exactly one leader";
    }

    @Override
    public CheckResult run(VerifyContext ctx) {
        Poll.Outcome o = Poll.until(ctx.deadline(), PollIntervals.STATE, () -> {
            ClusterProbes.ClusterView v = ctx.probes().clusterView();
            if (!v.answered()) {
                return Poll.Attempt.notYet("no Patroni REST API answered: " + String.join("; ", v.errors()));
            }
            List<PatroniMember> leaders = v.members().stream().filter(PatroniMember::isLeader).toList();
            if (leaders.size() == 1 && "running".equals(leaders.get(0).state())) {
                PatroniMember l = leaders.get(0);
                return Poll.Attempt.done("leader " + l.name() + " (running, timeline " + l.timeline() + ")");
            }
            return Poll.Attempt.notYet(leaders.isEmpty() ? "no leader"
                    : leaders.size() + " leaders: " + String.join(", ",
                    leaders.stream().map(l -> l.name() + " (" + l.state() + ")").toList()));
        });
        return o.done() ? CheckResult.pass(name(), o.last().observed(), o.elapsed())
                : CheckResult.fail(name(), o.last().observed() + " (after " + o.elapsed().toSeconds() + " s)",
                "one member with role leader and state running",
                "`patronictl list` and `journalctl -u patroni` on every member; without a leader, "
                        + "check that etcd has quorum", o.elapsed());
    }
}
