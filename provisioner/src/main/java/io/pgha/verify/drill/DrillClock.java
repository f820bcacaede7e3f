package io.pgha.verify.drill;

import java.time.Instant;

/** Milliseconds since the drill started, from the monotonic clock (wall-clock steps cannot bend a figure). */
public final class DrillClock {
    private final long startNanos = System.nanoTime();
    private final Instant startedAt = Instant.now();

    public long millis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    public Instant startedAt() {
        return startedAt;
    }
}
