package io.pgha.operations;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandTest {
    private final Command shell = new Command("shell");
    private final Command command = new Command("command");

    @Test
    void unguardedCommandAlwaysRuns() throws Exception {
        ScriptedContext ctx = new ScriptedContext();

        Plan plan = shell.plan(ctx, Map.of("cmd", "pg_lsclusters | grep -q 17"));

        assertThat(plan.actions()).singleElement().extracting(Action::describe).isEqualTo("pg_lsclusters | grep -q 17");
        assertThat(plan.message()).isEqualTo("run pg_lsclusters | grep -q 17");
        assertThat(ctx.asked()).isEmpty();
    }

    @Test
    void createsGuardSkipsWhenThePathExists() throws Exception {
        String probe = "test -e /var/lib/postgresql/17/main/PG_VERSION";
        Map<String, Object> args = Map.of("cmd", "initdb", "creates", "/var/lib/postgresql/17/main/PG_VERSION");

        assertThat(command.plan(new ScriptedContext().on(probe, 0, ""), args).message())
                .isEqualTo("skipped: /var/lib/postgresql/17/main/PG_VERSION exists");
        assertThat(command.plan(new ScriptedContext().on(probe, 1, ""), args).changes()).isTrue();
    }

    @Test
    void unlessProbeRunsWithTheSameDirectoryAndEnvironment() throws Exception {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("PGHOST", "/run/postgresql");
        env.put("PGAPPNAME", "pgha setup");
        String prefix = "cd -- /var/lib/postgresql || exit 1\nexport PGHOST=/run/postgresql\nexport PGAPPNAME='pgha setup'\n";
        Map<String, Object> args = Map.of("cmd", "createdb app", "unless", "psql -lqt | grep -qw app",
                "chdir", "/var/lib/postgresql", "environment", env, "timeout", 30);

        ScriptedContext converged = new ScriptedContext().on(prefix + "psql -lqt | grep -qw app", 0, "");
        assertThat(shell.plan(converged, args).changes()).isFalse();

        ScriptedContext fresh = new ScriptedContext().on(prefix + "psql -lqt | grep -qw app", 1, "");
        Plan plan = shell.plan(fresh, args);
        assertThat(plan.actions()).singleElement().isInstanceOfSatisfying(Action.Exec.class, exec -> {
            assertThat(exec.command()).isEqualTo(prefix + "createdb app");
            assertThat(exec.timeout()).isEqualTo(Duration.ofSeconds(30));
        });
    }

    @Test
    void commandTakesAListOfLiteralWords() throws Exception {
        Plan plan = command.plan(new ScriptedContext(), Map.of("cmd", List.of("psql", "-c", "SELECT 'a b'; -- x")));

        assertThat(plan.actions()).singleElement().extracting(Action::describe)
                .isEqualTo("psql -c 'SELECT '\"'\"'a b'\"'\"'; -- x'");
    }

    @Test
    void badArguments() {
        ScriptedContext ctx = new ScriptedContext();
        assertThatThrownBy(() -> shell.plan(ctx, Map.of()))
                .hasMessage("shell: argument 'cmd' is required (the command line to run)");
        assertThatThrownBy(() -> shell.plan(ctx, Map.of("cmd", List.of("a", "b"))))
                .hasMessageContaining("shell: argument 'cmd' must be one string of shell text");
        assertThatThrownBy(() -> shell.plan(ctx, Map.of("cmd", "x", "creates", "relative")))
                .hasMessage("shell: argument 'creates' must be an absolute path (got 'relative')");
        assertThatThrownBy(() -> shell.plan(ctx, Map.of("cmd", "x", "environment", Map.of("BAD-NAME", "1"))))
                .hasMessage("shell: argument 'environment' has an invalid variable name 'BAD-NAME'");
        assertThatThrownBy(() -> command.plan(ctx, Map.of("cmd", "x", "removes", "/x")))
                .hasMessageStartingWith("command: unknown argument 'removes'");
    }
}
