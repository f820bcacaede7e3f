package io.pgha.verify.checks;

import io.pgha.verify.cluster.Member;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The rows the write check put in are readable on every node directly, and through every HAProxy's replica
 * port, which must land on a replica.
 */
public final class ReadEverywhereCheck implements Check {
    @Override
    public String name() {
        return "rows readable on every node and through every replica port";
    }

    @Override
    public CheckResult run(VerifyContext ctx) {
        List<String> ids = List.copyOf(ctx.writtenIds());
        if (ids.isEmpty()) {
            return CheckResult.fail(name(), "nothing to read: the write check wrote no row",
                    "rows written through HAProxy", "the write check's failure above", java.time.Duration.ZERO);
        }
        Set<String> done = new LinkedHashSet<>();
        Poll.Outcome o = Poll.until(ctx.deadline(), PollIntervals.STATE, () -> {
            List<String> bad = new ArrayList<>();
            for (Member m : ctx.spec().members()) {
                probe(ctx, ids, m.name() + " direct", m.address(), m.postgresPort(), false, done, bad);
                probe(ctx, ids, m.name() + ":" + m.haproxyReplicaPort(), m.address(), m.haproxyReplicaPort(), true,
                        done, bad);
            }
            return bad.isEmpty() ? Poll.Attempt.done(ids.size() + " rows on " + String.join(", ", done))
                    : Poll.Attempt.notYet(String.join("; ", bad));
        });
        return o.done() ? CheckResult.pass(name(), o.last().observed(), o.elapsed())
                : CheckResult.fail(name(), o.last().observed() + " (after " + o.elapsed().toSeconds() + " s)",
                "all " + ids.size() + " rows of " + VerifyContext.SCRATCH_TABLE + " on every node (JDBC) and "
                        + "through every replica port, served by a replica",
                "replication on the failing node (pg_stat_wal_receiver), `journalctl -u haproxy` for the replica "
                        + "port (its check is GET /replica on Patroni's REST port)", o.elapsed());
    }

    private static void probe(VerifyContext ctx, List<String> ids, String label, String host, int port,
                              boolean mustBeReplica, Set<String> done, List<String> bad) {
        if (done.contains(label)) {
            return;
        }
        try (Connection c = ctx.probes().db().connect(host, port);
             PreparedStatement ps = c.prepareStatement("SELECT count(*), pg_is_in_recovery() FROM "
                     + VerifyContext.SCRATCH_TABLE + " WHERE id = ANY (?)")) {
            Array arr = c.createArrayOf("text", ids.toArray());
            ps.setArray(1, arr);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                int n = rs.getInt(1);
                boolean recovery = rs.getBoolean(2);
                if (n != ids.size()) {
                    bad.add(label + " has " + n + " of " + ids.size() + " rows");
                } else if (mustBeReplica && !recovery) {
                    bad.add(label + " was served by the primary, expected a replica");
                } else {
                    done.add(label);
                }
            }
        } catch (SQLException e) {
            bad.add(label + ": " + e.getMessage());
        }
    }
}
