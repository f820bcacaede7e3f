package io.pgha.verify.checks;

import io.pgha.verify.cluster.Member;
import io.pgha.verify.probe.PatroniMember;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A row written through HAProxy's primary port of every member lands on the leader. */
public final class HaproxyWriteCheck implements Check {
    @Override
    public String name() {
        return "a write through every HAProxy primary port reaches the leader";
    }

    @Override
    public CheckResult run(VerifyContext ctx) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> okBy = new LinkedHashMap<>();
        Poll.Outcome o = Poll.until(ctx.deadline(), PollIntervals.STATE, () -> {
            Optional<PatroniMember> leader = ctx.leader();
            if (leader.isEmpty()) {
                return Poll.Attempt.notYet("no single leader in Patroni's view");
            }
            List<String> bad = new ArrayList<>();
            for (Member m : ctx.spec().members()) {
                if (okBy.containsKey(m.name())) {
                    continue;
                }
                String id = "verify-" + run + "-" + m.name();
                String where = m.name() + ":" + m.haproxyPrimaryPort();
                try {
                    String servedBy = write(ctx, m, id);
                    if (servedBy.equals(Addresses.numeric(leader.get().host()) + ":" + leader.get().port())) {
                        okBy.put(m.name(), where + " -> " + leader.get().name());
                        ctx.writtenIds().add(id);
                    } else {
                        bad.add(where + " wrote on " + servedBy + ", not the leader " + leader.get().name() + " ("
                                + leader.get().host() + ":" + leader.get().port() + ")");
                    }
                } catch (SQLException e) {
                    bad.add(where + ": " + e.getMessage());
                }
            }
            String observed = String.join("; ", bad.isEmpty() ? okBy.values() : bad);
            return bad.isEmpty() ? Poll.Attempt.done(observed) : Poll.Attempt.notYet(observed);
        });
        return o.done() ? CheckResult.pass(name(), o.last().observed(), o.elapsed())
                : CheckResult.fail(name(), o.last().observed() + " (after " + o.elapsed().toSeconds() + " s)",
                "INSERT through port " + ctx.spec().members().get(0).haproxyPrimaryPort()
                        + " of every member succeeds on the leader",
                "`journalctl -u haproxy` and the stats page on the failing member; pg_hba.conf must allow the "
                        + "HAProxy hosts; the PostgreSQL log on the leader", o.elapsed());
    }

    /** Inserts one row; returns the address:port of the server that executed it. */
    private static String write(VerifyContext ctx, Member m, String id) throws SQLException {
        try (Connection c = ctx.probes().db().connect(m.address(), m.haproxyPrimaryPort())) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS " + VerifyContext.SCRATCH_TABLE
                        + " (id text PRIMARY KEY, written_at timestamptz NOT NULL DEFAULT now())");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + VerifyContext.SCRATCH_TABLE
                    + " (id) VALUES (?) ON CONFLICT DO NOTHING "
                    + "RETURNING host(inet_server_addr()), inet_server_port()")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new SQLException("row " + id + " already present");
                    }
                    return rs.getString(1) + ":" + rs.getInt(2);
                }
            }
        }
    }
}
