package io.pgha.verify.drill;

import java.util.List;

/**
 * What the writer saw around a fault, from the ledger alone.
 *
 * @param faultMs          when the fault was injected
 * @param firstFailureMs   start of the first failed attempt at or after the fault, or -1 if none failed
 * @param recoveryMs       acknowledgement time of the first successful write after the outage, or -1 if none
 * @param rtoMs            fault to first successful write after the outage (recoveryMs - faultMs), or -1;
 *                         when no write failed, the time to the first write acknowledged after the fault
 * @param longestGapMs     longest time between two consecutive acknowledgements from the last one before
 *                         the fault onwards: how long a client saw no progress
 * @param failedAfterFault failed attempts at or after the fault
 */
public record Outage(long faultMs, long firstFailureMs, long recoveryMs, long rtoMs, long longestGapMs,
                     long failedAfterFault) {

    public boolean writesFailed() {
        return firstFailureMs >= 0;
    }

    public boolean recovered() {
        return recoveryMs >= 0;
    }

    public static Outage of(List<WriteAttempt> attempts, long faultMs) {
        long firstFailure = -1;
        long failed = 0;
        for (WriteAttempt a : attempts) {
            if (!a.acked() && a.startMs() >= faultMs) {
                failed++;
                if (firstFailure < 0) {
                    firstFailure = a.startMs();
                }
            }
        }
        long recovery = -1;
        long from = firstFailure >= 0 ? firstFailure : faultMs;
        for (WriteAttempt a : attempts) {
            if (a.acked() && a.startMs() >= from) {
                recovery = a.endMs();
                break;
            }
        }
        long lastAckBefore = -1;
        for (WriteAttempt a : attempts) {
            if (a.acked() && a.endMs() < faultMs) {
                lastAckBefore = a.endMs();
            }
        }
        long gap = 0;
        long prev = lastAckBefore >= 0 ? lastAckBefore : faultMs;
        for (WriteAttempt a : attempts) {
            if (a.acked() && a.endMs() >= faultMs) {
                gap = Math.max(gap, a.endMs() - prev);
                prev = a.endMs();
            }
        }
        return new Outage(faultMs, firstFailure, recovery, recovery < 0 ? -1 : recovery - faultMs, gap, failed);
    }
}
