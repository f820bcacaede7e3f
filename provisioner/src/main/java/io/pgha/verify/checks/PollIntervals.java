package io.pgha.verify.checks;

import java.time.Duration;

/** How often checks look again while they wait. */
final class PollIntervals {
    static final Duration STATE = Duration.ofMillis(500);

    private PollIntervals() {
    }
}
