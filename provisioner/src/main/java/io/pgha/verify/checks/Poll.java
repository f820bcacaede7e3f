package io.pgha.verify.checks;

import java.time.Duration;
import java.util.function.Supplier;

/** Repeats a probe until it reports success or a deadline passes; never a fixed sleep. */
public final class Poll {
    private Poll() {
    }

    /** One look at the system: whether the condition holds, and what was seen. */
    public record Attempt(boolean done, String observed) {
        public static Attempt done(String observed) {
            return new Attempt(true, observed);
        }

        public static Attempt notYet(String observed) {
            return new Attempt(false, observed);
        }
    }

    /** The last attempt and how long the polling took. */
    public record Outcome(Attempt last, Duration elapsed) {
        public boolean done() {
            return last.done();
        }
    }

    public static Outcome until(Duration deadline, Duration interval, Supplier<Attempt> probe) {
        long start = System.nanoTime();
        long end = start + deadline.toNanos();
        while (true) {
            Attempt a = probe.get();
            long now = System.nanoTime();
            if (a.done() || now >= end) {
                return new Outcome(a, Duration.ofNanos(now - start));
            }
            try {
                Thread.sleep(Math.min(interval.toMillis(), Math.max(1, (end - now) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(Attempt.notYet(a.observed() + " (interrupted)"), Duration.ofNanos(now - start));
            }
        }
    }
}
