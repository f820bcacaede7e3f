package io.pgha.verify.drill;

import java.util.ArrayList;
import java.util.List;

/** Every write attempt of a drill, in the order they were made; safe to read while the writer appends. */
public final class Ledger {
    private final List<WriteAttempt> attempts = new ArrayList<>();

    public synchronized void add(WriteAttempt attempt) {
        attempts.add(attempt);
    }

    public synchronized List<WriteAttempt> snapshot() {
        return List.copyOf(attempts);
    }

    public synchronized long ackedCount() {
        return attempts.stream().filter(WriteAttempt::acked).count();
    }

    /** The first acknowledged attempt that started at or after {@code fromMs} and was served by {@code member}. */
    public synchronized java.util.Optional<WriteAttempt> firstAckFrom(long fromMs, String member) {
        return attempts.stream().filter(a -> a.acked() && a.startMs() >= fromMs
                && (member == null || member.equals(a.servedBy()))).findFirst();
    }
}
