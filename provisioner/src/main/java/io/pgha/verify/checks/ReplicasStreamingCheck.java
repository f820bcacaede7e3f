package io.pgha.verify.checks;

import io.pgha.verify.cluster.Member;
import io.pgha.verify.probe.ClusterProbes;
import io.pgha.verify.probe.PatroniMember;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every member but the leader is a replica on the leader's timeline with lag under the threshold, and its
 * WAL receiver (asked directly over SQL) is streaming.
 */
public final class ReplicasStreamingCheck implements Check {
    @Override
    public String name() {
        return "replicas streaming on the leader's timeline";
    }

    @Override
    public CheckResult run(VerifyContext ctx) {
        long maxLag = ctx.spec().maxLagBytes();
        Poll.Outcome o = Poll.until(ctx.deadline(), PollIntervals.STATE, () -> {
            ClusterProbes.ClusterView v = ctx.probes().clusterView();
            Optional<PatroniMember> leader = v.members().stream().filter(PatroniMember::isLeader).findFirst();
            if (leader.isEmpty()) {
                return Poll.Attempt.notYet("no leader, so no timeline to compare with");
            }
            Integer tl = leader.get().timeline();
            List<String> seen = new ArrayList<>();
            List<String> bad = new ArrayList<>();
            for (Member m : ctx.spec().members()) {
                if (m.name().equals(leader.get().name())) {
                    continue;
                }
                Optional<PatroniMember> pm = v.members().stream().filter(x -> x.name().equals(m.name())).findFirst();
                if (pm.isEmpty()) {
                    bad.add(m.name() + " not in Patroni's /cluster");
                    continue;
                }
                String problem = problem(pm.get(), tl, maxLag);
                if (problem == null) {
                    problem = walReceiverProblem(ctx, m);
                }
                String desc = m.name() + " " + pm.get().state() + " TL "
                        + (pm.get().timeline() == null ? "?" : pm.get().timeline()) + " lag "
                        + (pm.get().lagBytes() == null ? "unknown" : pm.get().lagBytes() + " B");
                if (problem == null) {
                    seen.add(desc);
                } else {
                    bad.add(desc + ": " + problem);
                }
            }
            String observed = String.join("; ", bad.isEmpty() ? seen : bad) + " (leader " + leader.get().name()
                    + " TL " + tl + ")";
            return bad.isEmpty() ? Poll.Attempt.done(observed) : Poll.Attempt.notYet(observed);
        });
        return o.done() ? CheckResult.pass(name(), o.last().observed(), o.elapsed())
                : CheckResult.fail(name(), o.last().observed() + " (after " + o.elapsed().toSeconds() + " s)",
                "every non-leader member a replica in state streaming/running on the leader's timeline, lag <= "
                        + maxLag + " B, pg_stat_wal_receiver.status = streaming",
                "`patronictl list`; `journalctl -u patroni` and the PostgreSQL log on the failing replica; "
                        + "pg_stat_replication on the leader", o.elapsed());
    }

    static String problem(PatroniMember m, Integer leaderTimeline, long maxLag) {
        if (!m.isReplica()) {
            return "role " + m.role() + ", expected replica";
        }
        if (!m.isReplicaRunning()) {
            return "state " + m.state() + ", expected streaming";
        }
        if (!Objects.equals(m.timeline(), leaderTimeline)) {
            return "timeline " + m.timeline() + ", expected the leader's " + leaderTimeline;
        }
        if (m.lagBytes() == null) {
            return "lag unknown";
        }
        if (m.lagBytes() > maxLag) {
            return "lag " + m.lagBytes() + " B over " + maxLag + " B";
        }
        return null;
    }

    private static String walReceiverProblem(VerifyContext ctx, Member m) {
        try (Connection c = ctx.probes().db().connect(m.address(), m.postgresPort());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT status FROM pg_stat_wal_receiver")) {
            if (!rs.next()) {
                return "no WAL receiver running (pg_stat_wal_receiver empty)";
            }
            String status = rs.getString(1);
            return "streaming".equals(status) ? null : "WAL receiver " + status + ", expected streaming";
        } catch (SQLException e) {
            return "SQL on " + m.address() + ":" + m.postgresPort() + " failed: " + e.getMessage();
        }
    }
}
