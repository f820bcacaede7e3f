package io.pgha.verify.drill;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerAuditTest {

    private static WriteAttempt ack(long seq) {
        return new WriteAttempt(seq, seq * 50, seq * 50 + 5, true, "pg1", null);
    }

    private static WriteAttempt fail(long seq) {
        return new WriteAttempt(seq, seq * 50, seq * 50 + 3000, false, null, "08006 connection refused");
    }

    private static StoredRow row(long seq) {
        return new StoredRow(seq, 1_000_000 + seq * 50_000);
    }

    @Test
    void everyAcknowledgedRowPresentIsClean() {
        LedgerAudit a = LedgerAudit.of(List.of(ack(1), ack(2), ack(3)), List.of(row(1), row(2), row(3)));

        assertThat(a.acked()).isEqualTo(3);
        assertThat(a.failed()).isZero();
        assertThat(a.lost()).isEmpty();
        assertThat(a.clean()).isTrue();
    }

    @Test
    void acknowledgedRowsMissingAreLostInSeqOrder() {
        LedgerAudit a = LedgerAudit.of(List.of(ack(1), ack(2), ack(3), ack(4), ack(5)), List.of(row(1), row(2), row(4)));

        assertThat(a.lost()).containsExactly(3L, 5L);
        assertThat(a.clean()).isFalse();
    }

    @Test
    void aFailedAttemptWhoseRowLandedIsCommittedUnacknowledgedNotLost() {
        LedgerAudit a = LedgerAudit.of(List.of(ack(1), fail(2), fail(3), ack(4)), List.of(row(1), row(2), row(4)));

        assertThat(a.failed()).isEqualTo(2);
        assertThat(a.committedUnacked()).containsExactly(2L);
        assertThat(a.lost()).isEmpty();
        assertThat(a.clean()).isTrue();
    }

    @Test
    void rowsNeverAttemptedArePhantomAndRowsTwiceAreDuplicates() {
        LedgerAudit a = LedgerAudit.of(List.of(ack(1), ack(2)), List.of(row(1), row(2), row(2), row(9)));

        assertThat(a.phantom()).containsExactly(9L);
        assertThat(a.duplicates()).containsExactly(2L);
        assertThat(a.clean()).isFalse();
    }

    @Test
    void aRowCommittedBeforeTheSeqBeforeItIsOutOfOrder() {
        List<StoredRow> rows = List.of(new StoredRow(1, 100), new StoredRow(2, 300), new StoredRow(3, 200),
                new StoredRow(4, 400));

        LedgerAudit a = LedgerAudit.of(List.of(ack(1), ack(2), ack(3), ack(4)), rows);

        assertThat(a.outOfOrder()).containsExactly(3L);
        assertThat(a.clean()).isTrue();
    }
}
