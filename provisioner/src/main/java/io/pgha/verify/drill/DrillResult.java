package io.pgha.verify.drill;

import io.pgha.verify.checks.VerifyReport;

import java.util.List;
import java.util.Map;

/**
 * Everything one drill measured. Times are milliseconds on the drill clock; -1 means "did not happen".
 *
 * @param problems     why the drill failed (empty when it passed)
 * @param newLeaderMs  when a new leader (another member, or the same member on a new timeline) was running
 * @param rejoinedMs   when the old leader was a streaming replica on the new timeline again
 * @param expected     the timing model's write-outage estimate for this drill from the live settings
 * @param audit        ledger against the rows on the leader afterwards; null if they could not be read
 * @param checksums    per member: row count and md5 of this run's rows
 */
public record DrillResult(DrillKind kind, String runId, List<String> problems, String oldLeader, String newLeader,
                          Integer oldTimeline, Integer newTimeline, String writerVia, boolean synchronousMode,
                          long faultMs, long newLeaderMs, long restoreMs, long rejoinedMs, long endMs,
                          Outage outage, LedgerAudit audit, Map<String, String> checksums, boolean consistent,
                          TimingSettings settings, Estimate expected, List<DrillEvent> events,
                          List<WriteAttempt> attempts, VerifyReport verifyAfter) {

    public boolean passed() {
        return problems.isEmpty();
    }

    public double seconds(long ms) {
        return ms < 0 ? -1 : ms / 1000.0;
    }

    /** Leader change time after the fault in seconds, or -1. */
    public double timeToNewLeaderSeconds() {
        return newLeaderMs < 0 ? -1 : (newLeaderMs - faultMs) / 1000.0;
    }

    public double rtoSeconds() {
        return outage == null || outage.rtoMs() < 0 ? -1 : outage.rtoMs() / 1000.0;
    }

    public double rejoinSeconds() {
        return rejoinedMs < 0 ? -1 : (rejoinedMs - faultMs) / 1000.0;
    }
}
