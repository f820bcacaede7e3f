package io.pgha.verify.report;

import com.fasterxml.jackson.jr.ob.JSON;
import io.pgha.verify.checks.CheckResult;
import io.pgha.verify.checks.VerifyReport;
import io.pgha.verify.drill.DrillEvent;
import io.pgha.verify.drill.DrillKind;
import io.pgha.verify.drill.DrillResult;
import io.pgha.verify.drill.Estimate;
import io.pgha.verify.drill.LedgerAudit;
import io.pgha.verify.drill.Outage;
import io.pgha.verify.drill.StoredRow;
import io.pgha.verify.drill.TimingSettings;
import io.pgha.verify.drill.WriteAttempt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTest {

    /** A kill-leader drill: writes every 100 ms for 20 s, failing from 3 s to 9 s; seq 25 acknowledged but lost. */
    static DrillResult sample(String oldLeaderLabel) {
        List<WriteAttempt> attempts = new ArrayList<>();
        List<StoredRow> rows = new ArrayList<>();
        long seq = 0;
        for (long t = 0; t < 20_000; t += 100) {
            boolean failed = t >= 3_000 && t < 9_000;
            attempts.add(new WriteAttempt(++seq, t, t + 20, !failed, failed ? null : "pg2",
                    failed ? "08006 connection refused" : null));
            if (!failed && seq != 25) {
                rows.add(new StoredRow(seq, t * 1000));
            }
        }
        Outage outage = Outage.of(attempts, 2_500);
        List<DrillEvent> events = List.of(new DrillEvent(2_500, DrillEvent.Type.FAULT, "kill-leader on " + oldLeaderLabel),
                new DrillEvent(3_000, DrillEvent.Type.WRITES_FAIL, "writes fail"),
                new DrillEvent(8_000, DrillEvent.Type.NEW_LEADER, "leader pg2"),
                new DrillEvent(9_020, DrillEvent.Type.WRITES_BACK, "writes back"),
                new DrillEvent(9_100, DrillEvent.Type.RESTORE, "restore pg1"),
                new DrillEvent(15_000, DrillEvent.Type.REJOINED, "pg1 rejoined"));
        VerifyReport after = new VerifyReport(List.of(CheckResult.pass("exactly one leader", "leader pg2",
                Duration.ofMillis(10))));
        return new DrillResult(DrillKind.KILL_LEADER, "kill-leader-1234", List.of(), oldLeaderLabel, "pg2", 1, 2,
                "pg2:5000", false, 2_500, 8_000, 9_100, 15_000, 20_000, outage, LedgerAudit.of(attempts, rows),
                Map.of("pg1", "199 rows md5 x", "pg2", "199 rows md5 x"), true,
                new TimingSettings(20, 2, 5, 2000, 500, 2000, 2, 3, 1500), new Estimate(19, 22.5, 26.5), events, attempts, after);
    }

    @Test
    void jsonHasTheMeasuredFigures() throws Exception {
        Map<String, Object> json = JSON.std.mapFrom(Json.pretty(DrillJson.of(sample("pg1"))));

        assertThat(json).containsEntry("drill", "kill-leader").containsEntry("passed", true)
                .containsEntry("old_leader", "pg1").containsEntry("new_leader", "pg2")
                .containsEntry("lost_writes", 1).containsEntry("consistent", true)
                .containsEntry("writes_failed", 60).containsEntry("time_to_new_leader_seconds", 5.5)
                .containsEntry("rto_seconds", 6.52).containsEntry("rejoin_seconds", 12.5);
        assertThat(json.get("lost_seqs")).isEqualTo(List.of(25));
        assertThat(json.get("expected_seconds")).isEqualTo(Map.of("min", 19.0, "avg", 22.5, "max", 26.5));
        @SuppressWarnings("unchecked") Map<String, Object> settings = (Map<String, Object>) json.get("settings");
        assertThat(settings).containsEntry("ttl", 20).containsEntry("haproxy_rise", 2);
        assertThat((List<?>) json.get("events")).hasSize(6);
        assertThat((List<?>) json.get("failed_attempts")).hasSize(60);
    }

    @Test
    void timelineMarksFaultLeaderChangeRecoveryAndShowsFailedWrites() {
        String svg = TimelineSvg.render(sample("pg1"));

        assertThat(svg).startsWith("<svg").contains("class=\"marker fault\"", "class=\"marker new-leader\"",
                "class=\"marker writes-back\"", "class=\"marker rejoined\"", "class=\"marker restore\"",
                "class=\"outage\"", "class=\"failed\"", "class=\"ok\"");
        assertThat(svg).contains("kill-leader on pg1 (2.50 s)", "no writes for 6.10 s");
    }

    @Test
    void timelineEscapesLabels() {
        String svg = TimelineSvg.render(sample("<pg1&>"));

        assertThat(svg).contains("kill-leader on &lt;pg1&amp;&gt;").doesNotContain("<pg1&>");
    }

    @Test
    void bucketsStayFewEnoughToDraw() {
        assertThat(TimelineSvg.bucketSize(10_000)).isEqualTo(50);
        assertThat(TimelineSvg.bucketSize(60_000)).isEqualTo(250);
        assertThat(TimelineSvg.bucketSize(600_000)).isEqualTo(5000);
    }

    @Test
    void summaryPutsMeasuredBesideModelled() {
        String text = DrillSummary.text(List.of(sample("pg1")));

        assertThat(text).contains("| kill-leader | pass", "pg1 -> pg2", "6.52 s", "19.0 / 22.5 / 26.5 s",
                "1 (async)", "ttl=20 loop_wait=2 retry_timeout=5");
    }

    @Test
    void writerPutsSummaryJsonAndHtmlInATimestampedFolder(@TempDir Path dir) throws Exception {
        Instant started = Instant.parse("2026-11-29T01:02:03Z");

        Path folder = ReportWriter.write(ReportWriter.folderFor(dir.resolve("reports"), started), started,
                List.of(sample("pg1")));

        assertThat(folder).isEqualTo(dir.resolve("reports/20261129-010203"));
        assertThat(Files.readString(folder.resolve("summary.txt"))).contains("kill-leader");
        assertThat(JSON.std.mapFrom(Files.readString(folder.resolve("report.json"))))
                .containsEntry("started_at", "2026-11-29T01:02:03Z").containsEntry("passed", true);
        assertThat(Files.readString(folder.resolve("report.html"))).contains("<svg", "<h2>kill-leader");
    }
}
