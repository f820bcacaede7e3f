package io.pgha.engine;

import java.time.Duration;
import java.util.Locale;

/** Short human durations for result lines: {@code 0.4s}, {@code 1m 23.4s}, {@code 1h 02m 03s}. */
public final class Durations {
    private Durations() {
    }

    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
        }
        if (millis < 3_600_000) {
            return String.format(Locale.ROOT, "%dm %.1fs", millis / 60_000, (millis % 60_000) / 1000.0);
        }
        return String.format(Locale.ROOT, "%dh %02dm %02ds", millis / 3_600_000, (millis % 3_600_000) / 60_000,
                (millis % 60_000) / 1000);
    }
}
