package io.pgha.verify.report;

import io.pgha.verify.drill.DrillEvent;
import io.pgha.verify.drill.DrillResult;
import io.pgha.verify.drill.Estimate;
import io.pgha.verify.drill.LedgerAudit;
import io.pgha.verify.drill.TimingSettings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A drill's figures as JSON fields (snake_case, seconds), for --json and report.json. */
public final class DrillJson {
    /** Enough to see every kind of error of an outage without a multi-megabyte file. */
    static final int MAX_FAILURES_LISTED = 200;

    private DrillJson() {
    }

    public static Map<String, Object> of(DrillResult r) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("drill", r.kind().cliName());
        j.put("run_id", r.runId());
        j.put("passed", r.passed());
        j.put("problems", r.problems());
        j.put("old_leader", r.oldLeader());
        j.put("new_leader", r.newLeader());
        j.put("old_timeline", r.oldTimeline());
        j.put("new_timeline", r.newTimeline());
        j.put("writer_via", r.writerVia());
        j.put("synchronous_mode", r.synchronousMode());
        j.put("time_to_new_leader_seconds", round(r.timeToNewLeaderSeconds()));
        j.put("rto_seconds", round(r.rtoSeconds()));
        j.put("longest_write_gap_seconds", r.outage() == null ? null : round(r.outage().longestGapMs() / 1000.0));
        j.put("rejoin_seconds", round(r.rejoinSeconds()));
        LedgerAudit a = r.audit();
        if (a != null) {
            j.put("writes_acknowledged", a.acked());
            j.put("writes_failed", a.failed());
            j.put("lost_writes", a.lost().size());
            j.put("lost_seqs", a.lost());
            j.put("committed_but_unacknowledged", a.committedUnacked().size());
            j.put("phantom_rows", a.phantom().size());
            j.put("duplicate_rows", a.duplicates().size());
            j.put("out_of_order_rows", a.outOfOrder().size());
        }
        j.put("consistent", r.consistent());
        j.put("checksums", r.checksums());
        j.put("expected_seconds", estimate(r.expected()));
        j.put("settings", settings(r.settings()));
        List<Object> events = new ArrayList<>();
        for (DrillEvent e : r.events()) {
            Map<String, Object> ev = new LinkedHashMap<>();
            ev.put("t_seconds", round(e.ms() / 1000.0));
            ev.put("type", e.type().name().toLowerCase(Locale.ROOT));
            ev.put("label", e.label());
            events.add(ev);
        }
        j.put("events", events);
        List<Object> failures = new ArrayList<>();
        r.attempts().stream().filter(w -> !w.acked()).limit(MAX_FAILURES_LISTED).forEach(w -> {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("seq", w.seq());
            f.put("start_seconds", round(w.startMs() / 1000.0));
            f.put("end_seconds", round(w.endMs() / 1000.0));
            f.put("error", w.error());
            failures.add(f);
        });
        j.put("failed_attempts", failures);
        j.put("verify_after", r.verifyAfter() == null ? null : r.verifyAfter().json());
        return j;
    }

    static Map<String, Object> estimate(Estimate e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("min", round(e.min()));
        m.put("avg", round(e.avg()));
        m.put("max", round(e.max()));
        return m;
    }

    static Map<String, Object> settings(TimingSettings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ttl", s.ttl());
        m.put("loop_wait", s.loopWait());
        m.put("retry_timeout", s.retryTimeout());
        m.put("haproxy_inter_ms", s.interMs());
        m.put("haproxy_fastinter_ms", s.fastinterMs());
        m.put("haproxy_downinter_ms", s.downinterMs());
        m.put("haproxy_rise", s.rise());
        m.put("haproxy_fall", s.fall());
        m.put("etcd_election_timeout_ms", s.etcdElectionMs());
        return m;
    }

    static Double round(double v) {
        return v < 0 ? null : Math.round(v * 1000) / 1000.0;
    }
}
