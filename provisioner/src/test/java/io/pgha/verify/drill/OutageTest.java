package io.pgha.verify.drill;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OutageTest {

    /** A writer every 100 ms from 0 to 10 s that fails for attempts starting in [failFrom, failTo). */
    private static List<WriteAttempt> run(long failFrom, long failTo) {
        List<WriteAttempt> out = new ArrayList<>();
        long seq = 0;
        for (long t = 0; t < 10_000; t += 100) {
            boolean failed = t >= failFrom && t < failTo;
            out.add(new WriteAttempt(++seq, t, t + 10, !failed, failed ? null : "pg2", failed ? "refused" : null));
        }
        return out;
    }

    @Test
    void rtoRunsFromTheFaultToTheFirstAcknowledgementAfterTheFailures() {
        Outage o = Outage.of(run(2_300, 6_000), 2_000);

        assertThat(o.firstFailureMs()).isEqualTo(2_300);
        assertThat(o.recoveryMs()).isEqualTo(6_010);
        assertThat(o.rtoMs()).isEqualTo(4_010);
        assertThat(o.failedAfterFault()).isEqualTo(37);
        // Last ack before the failures: the attempt at 2.2 s, acknowledged at 2.21 s.
        assertThat(o.longestGapMs()).isEqualTo(6_010 - 2_210);
    }

    @Test
    void withoutFailuresRtoIsTheTimeToTheNextWrite() {
        Outage o = Outage.of(run(-1, -1), 2_050);

        assertThat(o.writesFailed()).isFalse();
        assertThat(o.rtoMs()).isEqualTo(2_110 - 2_050);
        assertThat(o.longestGapMs()).isEqualTo(100);
    }

    @Test
    void writesThatNeverCameBackHaveNoRto() {
        Outage o = Outage.of(run(3_000, 20_000), 3_000);

        assertThat(o.recovered()).isFalse();
        assertThat(o.rtoMs()).isEqualTo(-1);
    }

    @Test
    void failuresBeforeTheFaultDoNotCount() {
        Outage o = Outage.of(run(500, 800), 2_000);

        assertThat(o.failedAfterFault()).isZero();
        assertThat(o.writesFailed()).isFalse();
    }
}
