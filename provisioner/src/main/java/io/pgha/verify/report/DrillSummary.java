package io.pgha.verify.report;

import io.pgha.verify.drill.DrillResult;

import java.util.List;
import java.util.Locale;

/** The readable summary of a run: one line per drill, measured figures beside the model's estimate. */
public final class DrillSummary {
    private DrillSummary() {
    }

    public static String text(List<DrillResult> results) {
        TextTable t = new TextTable("Drill", "Result", "Leader", "New leader after", "RTO (write back)",
                "Model min/avg/max", "Longest gap", "Failed writes", "Lost writes", "Rejoined after", "Consistent");
        for (DrillResult r : results) {
            t.row(r.kind().cliName(), r.passed() ? "pass" : "FAIL",
                    r.oldLeader() + " -> " + (r.newLeader() == null ? "?" : r.newLeader()),
                    secs(r.timeToNewLeaderSeconds()), secs(r.rtoSeconds()), r.expected().toString(),
                    r.outage() == null ? "-" : secs(r.outage().longestGapMs() / 1000.0),
                    r.audit() == null ? "-" : Long.toString(r.audit().failed()),
                    r.audit() == null ? "unknown" : r.audit().lost().size() + (r.synchronousMode() ? " (sync)" : " (async)"),
                    secs(r.rejoinSeconds()), r.consistent() ? "yes" : "NO");
        }
        StringBuilder sb = new StringBuilder(t.render());
        for (DrillResult r : results) {
            for (String p : r.problems()) {
                sb.append("FAIL ").append(r.kind().cliName()).append(": ").append(p).append('\n');
            }
        }
        if (!results.isEmpty()) {
            var s = results.get(0).settings();
            sb.append(String.format(Locale.ROOT, "settings: ttl=%d loop_wait=%d retry_timeout=%d; HAProxy inter=%d ms "
                    + "fastinter=%d ms downinter=%d ms rise=%d fall=%d; etcd election timeout %d ms%n", s.ttl(),
                    s.loopWait(), s.retryTimeout(), s.interMs(), s.fastinterMs(), s.downinterMs(), s.rise(), s.fall(),
                    s.etcdElectionMs()));
        }
        return sb.toString();
    }

    private static String secs(double s) {
        return s < 0 ? "-" : String.format(Locale.ROOT, "%.2f s", s);
    }
}
