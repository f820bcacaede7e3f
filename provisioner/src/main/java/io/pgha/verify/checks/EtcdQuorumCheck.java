package io.pgha.verify.checks;

import io.pgha.verify.probe.EtcdClient;

import java.util.List;

/** Every etcd member answers {@code /health} = true (which etcd only says when its cluster has quorum). */
public final class EtcdQuorumCheck implements Check {
    @Override
    public String name() {
        return "etcd healthy with quorum on every member";
    }

    @Override
    public CheckResult run(VerifyContext ctx) {
        Poll.Outcome o = Poll.until(ctx.deadline(), PollIntervals.STATE, () -> {
            List<EtcdClient.Health> all = ctx.spec().etcd().parallelStream().map(ctx.probes().etcd()::health).toList();
            List<EtcdClient.Health> bad = all.stream().filter(h -> !h.healthy()).toList();
            if (bad.isEmpty()) {
                return Poll.Attempt.done(all.size() + "/" + all.size() + " members healthy ("
                        + String.join(", ", all.stream().map(h -> h.endpoint().name()).toList()) + ")");
            }
            return Poll.Attempt.notYet((all.size() - bad.size()) + "/" + all.size() + " healthy; "
                    + String.join("; ", bad.stream().map(h -> h.endpoint().name() + ": " + h.reason()).toList()));
        });
        int n = ctx.spec().etcd().size();
        return o.done() ? CheckResult.pass(name(), o.last().observed(), o.elapsed())
                : CheckResult.fail(name(), o.last().observed() + " (after " + o.elapsed().toSeconds() + " s)",
                "GET /health answers {\"health\":\"true\"} on all " + n + " members (quorum needs " + (n / 2 + 1)
                        + ")",
                "`systemctl status etcd` and `journalctl -u etcd` on the unhealthy members; "
                        + "`etcdctl endpoint health --cluster`", o.elapsed());
    }
}
