package io.pgha.verify.report;

import io.pgha.verify.drill.DrillResult;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** One self-contained HTML page: the summary table, then each drill's timeline (inline SVG) and figures. */
public final class HtmlReport {
    private HtmlReport() {
    }

    public static String render(String title, Instant startedAt, List<DrillResult> results) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(Xml.escape(title)).append("</title>\n<style>")
                .append("body{font-family:sans-serif;margin:24px;color:#111;max-width:1000px}")
                .append("table{border-collapse:collapse;margin:8px 0 16px}td,th{border:1px solid #ccc;padding:4px 8px;")
                .append("text-align:left;font-size:14px}th{background:#f3f4f6}.pass{color:#15803d;font-weight:bold}")
                .append(".fail{color:#b91c1c;font-weight:bold}section{margin-bottom:32px}")
                .append("svg{border:1px solid #ddd}</style></head><body>\n");
        h.append("<h1>").append(Xml.escape(title)).append("</h1>\n<p>Started ").append(startedAt)
                .append(". Writes go through HAProxy's primary port; each bar counts the writes started in that "
                        + "time slice: green acknowledged, red failed. RTO = fault to the first acknowledged write "
                        + "after the outage.</p>\n");
        h.append("<table><tr><th>Drill</th><th>Result</th><th>Leader</th><th>RTO</th><th>Model (min/avg/max)</th>"
                + "<th>New leader after</th><th>Longest write gap</th><th>Lost writes</th><th>Consistent</th></tr>\n");
        for (DrillResult r : results) {
            h.append("<tr><td><a href=\"#").append(r.kind().cliName()).append("\">").append(r.kind().cliName())
                    .append("</a></td><td class=\"").append(r.passed() ? "pass\">pass" : "fail\">FAIL")
                    .append("</td><td>").append(Xml.escape(r.oldLeader() + " → " + (r.newLeader() == null ? "?"
                            : r.newLeader()))).append("</td><td>").append(secs(r.rtoSeconds())).append("</td><td>")
                    .append(r.expected()).append("</td><td>").append(secs(r.timeToNewLeaderSeconds()))
                    .append("</td><td>").append(r.outage() == null ? "-" : secs(r.outage().longestGapMs() / 1000.0))
                    .append("</td><td>").append(r.audit() == null ? "unknown" : r.audit().lost().size())
                    .append("</td><td>").append(r.consistent() ? "yes" : "NO").append("</td></tr>\n");
        }
        h.append("</table>\n");
        for (DrillResult r : results) {
            h.append("<section id=\"").append(r.kind().cliName()).append("\"><h2>").append(r.kind().cliName())
                    .append(": ").append(Xml.escape(r.kind().description())).append("</h2>\n");
            h.append(TimelineSvg.render(r));
            h.append("<p>Writer through ").append(Xml.escape(r.writerVia())).append(", synchronous_mode ")
                    .append(r.synchronousMode() ? "on" : "off").append(". Timelines ").append(r.oldTimeline())
                    .append(" → ").append(r.newTimeline() == null ? "?" : r.newTimeline()).append(".");
            if (r.audit() != null) {
                h.append(" Acknowledged ").append(r.audit().acked()).append(", failed ").append(r.audit().failed())
                        .append(", lost ").append(r.audit().lost().size()).append(", committed without ack ")
                        .append(r.audit().committedUnacked().size()).append('.');
            }
            h.append("</p>\n");
            for (String p : r.problems()) {
                h.append("<p class=\"fail\">").append(Xml.escape(p)).append("</p>\n");
            }
            h.append("</section>\n");
        }
        return h.append("</body></html>\n").toString();
    }

    private static String secs(double s) {
        return s < 0 ? "-" : String.format(Locale.ROOT, "%.2f s", s);
    }
}
