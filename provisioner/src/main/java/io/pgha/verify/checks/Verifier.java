package io.pgha.verify.checks;

import io.pgha.verify.cluster.Member;
import io.pgha.verify.probe.ClusterProbes;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Runs the verify checks in order and drops the scratch table afterwards, whatever happened. */
public final class Verifier {
    private final ClusterProbes probes;
    private final Duration deadline;

    public Verifier(ClusterProbes probes, Duration deadline) {
        this.probes = probes;
        this.deadline = deadline;
    }

    /** The full list, in the order an operator would look. */
    public static List<Check> allChecks() {
        return List.of(new MembersKnownCheck(), new OneLeaderCheck(), new ReplicasStreamingCheck(),
                new EtcdQuorumCheck(), new HaproxyRoutingCheck(), new HaproxyWriteCheck(), new ReadEverywhereCheck(),
                new RestApiAuthCheck(), new TimingRuleCheck());
    }

    /** The read-only subset that says "healthy enough to start a drill / restored after one". */
    public static List<Check> healthChecks() {
        return List.of(new MembersKnownCheck(), new OneLeaderCheck(), new ReplicasStreamingCheck(),
                new EtcdQuorumCheck(), new HaproxyRoutingCheck());
    }

    public VerifyReport verify(Consumer<CheckResult> progress) {
        return run(allChecks(), progress);
    }

    public VerifyReport run(List<Check> checks, Consumer<CheckResult> progress) {
        VerifyContext ctx = new VerifyContext(probes, deadline);
        List<CheckResult> results = new ArrayList<>();
        try {
            for (Check c : checks) {
                CheckResult r = c.run(ctx);
                results.add(r);
                progress.accept(r);
            }
        } finally {
            if (!ctx.writtenIds().isEmpty()) {
                dropScratch();
            }
        }
        return new VerifyReport(results);
    }

    private void dropScratch() {
        for (Member m : probes.spec().members()) {
            try (Connection c = probes.db().connect(m.address(), m.haproxyPrimaryPort());
                 Statement st = c.createStatement()) {
                st.execute("DROP TABLE IF EXISTS " + VerifyContext.SCRATCH_TABLE);
                return;
            } catch (SQLException e) {
                // Try the next member's HAProxy; a failed drop is reported only if all fail.
            }
        }
        System.err.println("warning: could not drop the scratch table " + VerifyContext.SCRATCH_TABLE
                + " through any HAProxy; drop it by hand");
    }
}
