package io.pgha.verify.drill;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares the writer's ledger with the rows found on the leader afterwards.
 *
 * @param acked            commits the writer saw acknowledged
 * @param failed           attempts that ended in an error
 * @param lost             acknowledged seqs missing from the table: lost writes (RPO)
 * @param committedUnacked failed attempts whose row is there anyway (the commit landed, the ack was lost)
 * @param phantom          rows whose seq was never attempted (should not exist)
 * @param duplicates       seqs found more than once
 * @param outOfOrder       seqs whose server commit time is earlier than that of the seq before them
 */
public record LedgerAudit(long acked, long failed, List<Long> lost, List<Long> committedUnacked, List<Long> phantom,
                          List<Long> duplicates, List<Long> outOfOrder) {

    public static LedgerAudit of(List<WriteAttempt> attempts, List<StoredRow> rows) {
        Set<Long> ackedSeqs = new HashSet<>();
        Set<Long> failedSeqs = new HashSet<>();
        for (WriteAttempt a : attempts) {
            (a.acked() ? ackedSeqs : failedSeqs).add(a.seq());
        }
        Map<Long, Integer> count = new HashMap<>();
        rows.forEach(r -> count.merge(r.seq(), 1, Integer::sum));

        List<Long> lost = new ArrayList<>(new TreeSet<>(ackedSeqs.stream().filter(s -> !count.containsKey(s)).toList()));
        List<Long> committedUnacked = new ArrayList<>(new TreeSet<>(failedSeqs.stream().filter(count::containsKey)
                .toList()));
        List<Long> phantom = new ArrayList<>(new TreeSet<>(count.keySet().stream()
                .filter(s -> !ackedSeqs.contains(s) && !failedSeqs.contains(s)).toList()));
        List<Long> duplicates = new ArrayList<>(new TreeSet<>(count.entrySet().stream().filter(e -> e.getValue() > 1)
                .map(Map.Entry::getKey).toList()));

        List<StoredRow> bySeq = new ArrayList<>(rows);
        bySeq.sort((a, b) -> Long.compare(a.seq(), b.seq()));
        List<Long> outOfOrder = new ArrayList<>();
        for (int i = 1; i < bySeq.size(); i++) {
            StoredRow prev = bySeq.get(i - 1);
            StoredRow cur = bySeq.get(i);
            if (cur.seq() != prev.seq() && cur.writtenAtMicros() < prev.writtenAtMicros()) {
                outOfOrder.add(cur.seq());
            }
        }
        return new LedgerAudit(ackedSeqs.size(), failedSeqs.size(), lost, committedUnacked, phantom, duplicates,
                outOfOrder);
    }

    /** No acknowledged write lost and nothing in the table that the writer did not write exactly once. */
    public boolean clean() {
        return lost.isEmpty() && phantom.isEmpty() && duplicates.isEmpty();
    }
}
