package io.pgha.verify.report;

import io.pgha.verify.drill.DrillEvent;
import io.pgha.verify.drill.DrillResult;
import io.pgha.verify.drill.Outage;
import io.pgha.verify.drill.WriteAttempt;

import java.util.List;
import java.util.Locale;

/**
 * The drill as a picture: acknowledged writes (green, up) and failed writes (red, down) per time bucket, the
 * outage shaded, and the fault, leader change, first write back, restore and rejoin as labelled lines.
 */
public final class TimelineSvg {
    static final int WIDTH = 960;
    static final int HEIGHT = 300;
    private static final int LEFT = 60;
    private static final int RIGHT = 20;
    private static final int TOP = 70;
    private static final int LANE = 90;
    private static final int BASELINE = TOP + LANE;
    private static final int MAX_BUCKETS = 240;
    private static final int ROWS = 4;
    private static final double CHAR_WIDTH = 6.6;

    private TimelineSvg() {
    }

    public static String render(DrillResult r) {
        List<WriteAttempt> attempts = r.attempts();
        long end = Math.max(1000, Math.max(r.endMs(), attempts.isEmpty() ? 0 : attempts.get(attempts.size() - 1).endMs()));
        long bucketMs = bucketSize(end);
        int buckets = (int) (end / bucketMs) + 1;
        int[] ok = new int[buckets];
        int[] failed = new int[buckets];
        for (WriteAttempt a : attempts) {
            int b = (int) Math.min(buckets - 1, a.startMs() / bucketMs);
            if (a.acked()) {
                ok[b]++;
            } else {
                failed[b]++;
            }
        }
        int peak = 1;
        for (int i = 0; i < buckets; i++) {
            peak = Math.max(peak, Math.max(ok[i], failed[i]));
        }
        double plotWidth = WIDTH - LEFT - RIGHT;
        double pxPerMs = plotWidth / end;
        double barWidth = Math.max(1, bucketMs * pxPerMs - 0.5);

        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" "
                + "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n",
                WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>%n",
                WIDTH, HEIGHT));
        Outage o = r.outage();
        if (o != null && o.recovered()) {
            long from = o.writesFailed() ? o.firstFailureMs() : o.faultMs();
            double x = LEFT + from * pxPerMs;
            double w = Math.max(1, (o.recoveryMs() - from) * pxPerMs);
            svg.append(String.format(Locale.ROOT, "<rect class=\"outage\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" "
                    + "height=\"%d\" fill=\"#fde2e2\"/>%n", x, TOP, w, 2 * LANE));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" fill=\"#b91c1c\" font-weight=\"bold\" "
                    + "text-anchor=\"middle\">no writes for %.2f s</text>%n", x + w / 2, TOP + 16,
                    o.longestGapMs() / 1000.0));
        }
        for (int i = 0; i < buckets; i++) {
            double x = LEFT + i * bucketMs * pxPerMs;
            if (ok[i] > 0) {
                double h = (double) ok[i] / peak * (LANE - 5);
                svg.append(String.format(Locale.ROOT, "<rect class=\"ok\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
                        + "height=\"%.1f\" fill=\"#16a34a\"/>%n", x, BASELINE - h, barWidth, h));
            }
            if (failed[i] > 0) {
                double h = (double) failed[i] / peak * (LANE - 5);
                svg.append(String.format(Locale.ROOT, "<rect class=\"failed\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" "
                        + "height=\"%.1f\" fill=\"#dc2626\"/>%n", x, BASELINE, barWidth, h));
            }
        }
        axis(svg, end, pxPerMs);
        placeMarkers(svg, r.events(), pxPerMs);
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"#16a34a\"/>"
                + "<text x=\"%d\" y=\"%d\" fill=\"#166534\">write acknowledged (up)</text>%n",
                LEFT, HEIGHT - 16, LEFT + 14, HEIGHT - 7));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"#dc2626\"/>"
                + "<text x=\"%d\" y=\"%d\" fill=\"#991b1b\">write failed (down)</text>%n",
                LEFT + 190, HEIGHT - 16, LEFT + 204, HEIGHT - 7));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#444\">one bar = %d ms "
                + "(tallest: %d writes)</text>%n", WIDTH - RIGHT - 230, HEIGHT - 6, bucketMs, peak));
        return svg.append("</svg>\n").toString();
    }

    static long bucketSize(long endMs) {
        long raw = (endMs + MAX_BUCKETS - 1) / MAX_BUCKETS;
        long[] nice = {50, 100, 200, 250, 500, 1000, 2000, 5000, 10000};
        for (long n : nice) {
            if (n >= raw) {
                return n;
            }
        }
        return raw;
    }

    private static void axis(StringBuilder svg, long end, double pxPerMs) {
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>%n",
                LEFT, BASELINE, WIDTH - RIGHT, BASELINE));
        long step = tickStep(end);
        for (long t = 0; t <= end; t += step) {
            double x = LEFT + t * pxPerMs;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#999\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#444\">%d s</text>%n",
                    x, TOP + 2 * LANE, x, TOP + 2 * LANE + 5, x, TOP + 2 * LANE + 18, t / 1000));
        }
    }

    private static long tickStep(long end) {
        long[] steps = {1000, 2000, 5000, 10000, 15000, 30000, 60000, 120000, 300000};
        for (long s : steps) {
            if (end / s <= 12) {
                return s;
            }
        }
        return 600000;
    }

    /** Events in time order; each label goes on the first of the rows where it overlaps no earlier label. */
    private static void placeMarkers(StringBuilder svg, List<DrillEvent> events, double pxPerMs) {
        List<DrillEvent> sorted = events.stream().sorted(java.util.Comparator.comparingLong(DrillEvent::ms)).toList();
        double[] rowEnd = new double[ROWS];
        java.util.Arrays.fill(rowEnd, Double.NEGATIVE_INFINITY);
        for (DrillEvent e : sorted) {
            double x = LEFT + e.ms() * pxPerMs;
            double width = (e.label().length() + 10) * CHAR_WIDTH;
            boolean right = x + width > WIDTH - RIGHT;
            double from = right ? x - width : x;
            int row = 0;
            while (row < ROWS && rowEnd[row] > from) {
                row++;
            }
            if (row == ROWS) {
                // Every row is taken here: use the one that frees up first.
                row = 0;
                for (int i = 1; i < ROWS; i++) {
                    row = rowEnd[i] < rowEnd[row] ? i : row;
                }
            }
            rowEnd[row] = right ? x : x + width;
            marker(svg, e, x, row, right);
        }
    }

    private static void marker(StringBuilder svg, DrillEvent e, double x, int row, boolean right) {
        String color = switch (e.type()) {
            case FAULT -> "#b91c1c";
            case WRITES_FAIL -> "#f97316";
            case NEW_LEADER -> "#1d4ed8";
            case WRITES_BACK -> "#15803d";
            case RESTORE -> "#6b7280";
            case REJOINED -> "#7e22ce";
        };
        int labelY = 14 + row * 14;
        String anchor = right ? "end" : "start";
        double tx = right ? x - 3 : x + 3;
        svg.append(String.format(Locale.ROOT, "<g class=\"marker %s\"><line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" "
                        + "y2=\"%d\" stroke=\"%s\" stroke-width=\"2\" stroke-dasharray=\"5,3\"/>"
                        + "<text x=\"%.1f\" y=\"%d\" fill=\"%s\" text-anchor=\"%s\">%s (%.2f s)</text></g>%n",
                e.type().name().toLowerCase(Locale.ROOT).replace('_', '-'), x, labelY + 4, x, TOP + 2 * LANE, color,
                tx, labelY, color, anchor, Xml.escape(e.label()), e.ms() / 1000.0));
    }
}
