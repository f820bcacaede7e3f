package io.pgha.verify.drill;

import java.util.Locale;

/** A modelled duration in seconds: best case, expected, worst case. */
public record Estimate(double min, double avg, double max) {
    public Estimate plus(Estimate o) {
        return new Estimate(min + o.min, avg + o.avg, max + o.max);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.1f / %.1f / %.1f s", min, avg, max);
    }
}
