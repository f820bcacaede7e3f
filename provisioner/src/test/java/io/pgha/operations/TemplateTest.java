package io.pgha.operations;

import io.pgha.facts.FileQuery;
import io.pgha.facts.FilesFact;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateTest {
    private static final String DEST = "/etc/postgresql/pg_hba.conf";
    private static final String RENDERED = "host all all 10.0.0.0/24 scram-sha-256\n";
    private final Template template = new Template();

    private static ScriptedContext host(String factOutput) {
        return new ScriptedContext().template("pg_hba.conf.j2", RENDERED)
                .onFact(new FilesFact(FileQuery.compareWith(DEST, Recorded.sha(RENDERED))), factOutput);
    }

    @Test
    void renderedTemplateMatchingTheHostIsNoChange() throws Exception {
        Plan plan = template.plan(host(Recorded.file("postgres", "postgres", "640", RENDERED)),
                Map.of("src", "pg_hba.conf.j2", "dest", DEST, "owner", "postgres", "mode", "0640"));

        assertThat(plan.changes()).isFalse();
    }

    @Test
    void differentHostGetsTheRenderedText() throws Exception {
        Plan plan = template.plan(host(Recorded.absent()),
                Map.of("src", "pg_hba.conf.j2", "dest", DEST, "owner", "postgres", "mode", "0640"));

        assertThat(plan.actions()).singleElement().isInstanceOfSatisfying(Action.Upload.class, up ->
                assertThat(new String(up.content(), StandardCharsets.UTF_8)).isEqualTo(RENDERED));
        assertThat(plan.diff()).contains("content hidden (mode 0640 is not world-readable)");
    }

    @Test
    void missingTemplateAndBadArguments() {
        ScriptedContext ctx = new ScriptedContext();
        assertThatThrownBy(() -> template.plan(ctx, Map.of("src", "nope.j2", "dest", DEST)))
                .hasMessageContaining("nope.j2");
        assertThatThrownBy(() -> template.plan(ctx, Map.of("dest", DEST)))
                .hasMessage("template: argument 'src' is required");
        assertThatThrownBy(() -> template.plan(ctx, Map.of("src", "a.j2", "dest", DEST, "content", "x")))
                .hasMessageContaining("template: unknown argument 'content'");
    }
}
