package io.pgha.engine;

import com.fasterxml.jackson.jr.ob.JSON;
import io.pgha.roles.Role;
import io.pgha.templating.Templates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.pgha.engine.Fixtures.inventory;
import static io.pgha.engine.Fixtures.playbook;
import static io.pgha.engine.Fixtures.role;
import static io.pgha.engine.Fixtures.task;
import static org.assertj.core.api.Assertions.assertThat;

class ReporterTest {
    private static final String SECRET = "Zx9-very-secret-pw";

    @TempDir
    Path roleDir;

    private final StringWriter out = new StringWriter();
    private final Redactor redactor = new Redactor();
    private final Output output = new Output(new PrintWriter(out), new PrintWriter(out), redactor);
    private final FakeFleet fleet = new FakeFleet("pg1", "pg2");

    private RunSummary run(RunListener listener, RunOptions options) throws Exception {
        Role role = role("db", roleDir, Map.of(), List.of("db_password"), List.of(),
                task("Install", "package", Map.of("name", "postgresql")),
                task("Password file", "content", Map.of("dest", "/etc/pw", "content", "pw={{ db_password }}")),
                task("Echo", "command", Map.of("cmd", "echo {{ secrets.db_password }}")).register("echoed"),
                task("Fail on pg2", "command", Map.of("cmd", "false")).when("inventory_hostname == 'pg2'"),
                task("Skipped", "package", Map.of("name", "x")).when("false"));
        return new PlaybookRunner(fleet, TestOperations.all(), new Templates(), listener, redactor)
                .run(inventory(Map.of(), "pg1", "pg2"), playbook("all", role), options,
                        (names, dryRun) -> Map.of("db_password", SECRET));
    }

    @Test
    void consoleShowsLiveResultsTaskHeadersAndTheRecap() throws Exception {
        RunSummary summary = run(new ConsoleReporter(output, false, false), RunOptions.defaults());
        String text = out.toString();

        assertThat(text).contains("PLAY [Test play] ***");
        assertThat(text).containsPattern("TASK \\[Gathering Facts\\] \\*+\nok: \\[pg\\d\\] Gathering Facts \\(");
        assertThat(text).containsPattern("  facts read ahead: \\[pg1\\] \\d+ questions? in \\d+ commands?, \\d+ batch(es)? \\(\\d+\\.\\ds\\)\n");
        assertThat(text).contains("TASK [db : Install] ***");
        assertThat(text).containsPattern("changed: \\[pg1\\] Install: install postgresql \\(\\d+\\.\\ds\\)");
        assertThat(text).containsPattern("failed: \\[pg2\\] Fail on pg2 => command failed \\(rc=1\\): false\n    boom");
        assertThat(text).containsPattern("skipped: \\[pg1\\] Fail on pg2: condition false: inventory_hostname == 'pg2'");
        assertThat(text).containsPattern("task done in \\d+\\.\\ds");
        assertThat(text).contains("PLAY RECAP ***");
        assertThat(text).contains("pg1 : ok=4 changed=3 unreachable=0 failed=0 skipped=2");
        assertThat(text).contains("pg2 : ok=4 changed=3 unreachable=0 failed=1 skipped=0");
        assertThat(text).containsPattern("Total time: \\d+\\.\\ds");
        assertThat(text).doesNotContain("\u001b[");
        assertThat(summary.exitCode()).isEqualTo(1);
    }

    @Test
    void secretsNeverAppearInConsoleOutputOrDiffs() throws Exception {
        run(new ConsoleReporter(output, false, true), new RunOptions(false, true, List.of(), Set.of()));
        assertThat(fleet.host("pg1").files).containsEntry("/etc/pw", "pw=" + SECRET);
        assertThat(out.toString()).doesNotContain(SECRET).contains("+pw=********").contains("run echo ********");
    }

    @Test
    void jsonEmitsOneObjectPerLineAndRedacts() throws Exception {
        run(new JsonReporter(output), new RunOptions(false, true, List.of(), Set.of()));
        List<String> lines = out.toString().lines().toList();
        assertThat(out.toString()).doesNotContain(SECRET);
        List<Map<String, Object>> events = new java.util.ArrayList<>();
        for (String line : lines) {
            events.add(JSON.std.mapFrom(line));
        }
        assertThat(events).extracting(e -> e.get("event")).startsWith("play_start", "task_start")
                .contains("facts_read_ahead", "result", "task_end").endsWith("recap");
        assertThat(events.stream().filter(e -> "facts_read_ahead".equals(e.get("event"))).findFirst().orElseThrow())
                .containsKeys("host", "questions", "commands", "batches", "elapsed_ms");
        Map<String, Object> failed = events.stream()
                .filter(e -> "result".equals(e.get("event")) && "failed".equals(e.get("status"))).findFirst().orElseThrow();
        assertThat(failed).containsEntry("host", "pg2").containsEntry("task", "Fail on pg2").containsEntry("role", "db");
        assertThat(events.get(events.size() - 1)).containsEntry("exit_code", 1);
        assertThat(lines).allSatisfy(line -> assertThat(line).startsWith("{").endsWith("}"));
    }

    @Test
    void colouredResultLines() {
        new ConsoleReporter(output, true, false).hostResult(new TaskRef("r", "T", "x:1"),
                new HostResult("pg1", TaskStatus.CHANGED, "m", null, Duration.ofMillis(400)));
        assertThat(out.toString()).isEqualTo("\u001b[33mchanged: [pg1] T: m (0.4s)\u001b[0m" + System.lineSeparator());
    }

    @Test
    void redactorMasksLongestSecretsFirstAndInsideStructures() {
        redactor.add("abc");
        redactor.add("abcdef");
        assertThat(redactor.redact("x abcdef y abc")).isEqualTo("x ******** y ********");
        assertThat(redactor.redactValue(Map.of("k", List.of("abc")))).isEqualTo(Map.of("k", List.of("********")));
    }

    @Test
    void durationsAreShort() {
        assertThat(Durations.format(Duration.ofMillis(400))).isEqualTo("0.4s");
        assertThat(Durations.format(Duration.ofMillis(83_400))).isEqualTo("1m 23.4s");
        assertThat(Durations.format(Duration.ofSeconds(3723))).isEqualTo("1h 02m 03s");
    }
}
