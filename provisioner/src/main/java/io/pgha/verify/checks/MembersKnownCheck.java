package io.pgha.verify.checks;

import io.pgha.verify.cluster.Member;
import io.pgha.verify.probe.ClusterProbes;
import io.pgha.verify.probe.PatroniMember;

import java.util.List;

/** Every inventory member appears in Patroni's {@code /cluster}. */
public final class MembersKnownCheck implements Check {
    @Override
    public String name() {
        return "every member known to Patroni";
    }

    @Override
    public CheckResult run(VerifyContext ctx) {
        List<String> expected = ctx.spec().members().stream().map(Member::name).toList();
        Poll.Outcome o = Poll.until(ctx.deadline(), PollIntervals.STATE, () -> {
            ClusterProbes.ClusterView v = ctx.probes().clusterView();
            if (!v.answered()) {
                return Poll.Attempt.notYet("no Patroni REST API answered: " + String.join("; ", v.errors()));
            }
            List<String> known = v.members().stream().map(PatroniMember::name).toList();
            List<String> missing = expected.stream().filter(n -> !known.contains(n)).toList();
            String seen = "/cluster (asked " + v.answeredBy().name() + ") lists " + String.join(", ", known);
            return missing.isEmpty() ? Poll.Attempt.done(seen)
                    : Poll.Attempt.notYet(seen + "; missing " + String.join(", ", missing));
        });
        return o.done() ? CheckResult.pass(name(), o.last().observed(), o.elapsed())
                : CheckResult.fail(name(), o.last().observed() + " (after " + o.elapsed().toSeconds() + " s)",
                "Patroni's /cluster lists " + String.join(", ", expected),
                "`systemctl status patroni` and `journalctl -u patroni` on the missing members; "
                        + "their Patroni must reach etcd (" + etcdList(ctx) + ")", o.elapsed());
    }

    static String etcdList(VerifyContext ctx) {
        return String.join(", ", ctx.spec().etcd().stream().map(e -> e.url()).toList());
    }
}
