package io.pgha.verify.report;

import io.pgha.verify.drill.DrillResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a run's report: summary.txt, report.json and report.html in {@code reports/<timestamp>/}. */
public final class ReportWriter {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private ReportWriter() {
    }

    /** The run's folder under {@code base} (usually {@code reports/} beside the inventory). */
    public static Path folderFor(Path base, Instant startedAt) {
        return base.resolve(STAMP.format(startedAt));
    }

    public static Path write(Path folder, Instant startedAt, List<DrillResult> results) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("summary.txt"), DrillSummary.text(results), StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("report.json"), Json.pretty(json(startedAt, results)) + "\n",
                StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("report.html"),
                HtmlReport.render("pgha drill report", startedAt, results), StandardCharsets.UTF_8);
        return folder;
    }

    public static Map<String, Object> json(Instant startedAt, List<DrillResult> results) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("started_at", startedAt.toString());
        j.put("passed", results.stream().allMatch(DrillResult::passed));
        List<Object> drills = new ArrayList<>();
        results.forEach(r -> drills.add(DrillJson.of(r)));
        j.put("drills", drills);
        return j;
    }
}
