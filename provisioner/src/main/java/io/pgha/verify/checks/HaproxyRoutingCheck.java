package io.pgha.verify.checks;

import io.pgha.verify.ClusterStatus;
import io.pgha.verify.StatusCollector;
import io.pgha.verify.cluster.Member;
import io.pgha.verify.probe.PatroniMember;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every HAProxy's primary backend has exactly the leader UP (read from its stats CSV). */
public final class HaproxyRoutingCheck implements Check {
    @Override
    public String name() {
        return "every HAProxy routes the primary port to the leader";
    }

    @Override
    public CheckResult run(VerifyContext ctx) {
        StatusCollector collector = new StatusCollector(ctx.probes());
        Poll.Outcome o = Poll.until(ctx.deadline(), PollIntervals.STATE, () -> {
            Optional<PatroniMember> leader = ctx.leader();
            if (leader.isEmpty()) {
                return Poll.Attempt.notYet("no single leader to route to");
            }
            List<String> ok = new ArrayList<>();
            List<String> bad = new ArrayList<>();
            for (Member m : ctx.spec().members()) {
                ClusterStatus.Routing r = collector.routing(m);
                String where = m.name() + ":" + m.haproxyPrimaryPort();
                if (r.error() != null) {
                    bad.add(where + " " + r.error());
                } else if (r.upServers().equals(List.of(leader.get().name()))) {
                    ok.add(where + " -> " + leader.get().name());
                } else {
                    bad.add(where + " -> " + (r.upServers().isEmpty() ? "no server UP" : String.join(", ",
                            r.upServers())));
                }
            }
            return bad.isEmpty() ? Poll.Attempt.done(String.join("; ", ok))
                    : Poll.Attempt.notYet(String.join("; ", bad) + " (leader is " + leader.get().name() + ")");
        });
        return o.done() ? CheckResult.pass(name(), o.last().observed(), o.elapsed())
                : CheckResult.fail(name(), o.last().observed() + " (after " + o.elapsed().toSeconds() + " s)",
                "on every member's HAProxy, only the leader UP in proxy '" + ctx.spec().haproxyPrimaryBackend()
                        + "' (health check GET /primary on Patroni's REST port)",
                "HAProxy's stats page on port " + ctx.spec().members().get(0).haproxyStatsPort()
                        + " and `journalctl -u haproxy`; `curl -s http://MEMBER:REST_PORT/primary` from that host",
                o.elapsed());
    }
}
