package io.pgha.templating;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplatesTest {
    private static final String WHERE = "task 'Write config' (roles/patroni/tasks.yml:12)";
    private final Templates templates = new Templates();
    private final Map<String, Object> vars = Map.of(
            "groups", Map.of("etcd", List.of("pg1", "pg2", "pg3")),
            "ttl", 30, "loop_wait", 10, "retry_timeout", 10,
            "name", "pg1", "enabled", true,
            "cfg", Map.of("port", 5432, "hosts", List.of("a", "b")));

    @Test
    void aSingleExpressionKeepsItsType() throws Exception {
        assertThat(templates.renderValue("{{ groups['etcd'] }}", vars, WHERE)).isEqualTo(List.of("pg1", "pg2", "pg3"));
        assertThat(templates.renderValue("{{ ttl }}", vars, WHERE)).isEqualTo(30);
        assertThat(templates.renderValue(" {{ enabled }} ", vars, WHERE)).isEqualTo(true);
        assertThat(templates.renderValue("{{ cfg }}", vars, WHERE)).isEqualTo(Map.of("port", 5432, "hosts", List.of("a", "b")));
    }

    @Test
    void mixedTextRendersToAString() throws Exception {
        assertThat(templates.renderValue("ttl={{ ttl }} on {{ name }}", vars, WHERE)).isEqualTo("ttl=30 on pg1");
        assertThat(templates.renderValue("{{ ttl }}{{ name }}", vars, WHERE)).isEqualTo("30pg1");
        assertThat(templates.renderValue("plain", vars, WHERE)).isEqualTo("plain");
    }

    @Test
    void rendersEveryStringInsideMapsAndLists() throws Exception {
        Map<String, Object> args = Map.of("dest", "/etc/{{ name }}.conf", "mode", "0600", "count", 3,
                "hosts", List.of("{{ name }}", Map.of("peers", "{{ groups.etcd }}")));
        assertThat(templates.renderArgs(args, vars, WHERE)).isEqualTo(Map.of(
                "dest", "/etc/pg1.conf", "mode", "0600", "count", 3,
                "hosts", List.of("pg1", Map.of("peers", List.of("pg1", "pg2", "pg3")))));
    }

    @Test
    void anUndefinedVariableBehindAFilterIsAnErrorTooAndDefaultStillFillsIt() throws Exception {
        // Jinjava's filters turn a missing input into a value (0, '', an empty list) that would hide a misspelt name.
        for (String template : List.of("{{ pg_versoin | int }}", "port {{ (pg_versoin | int) + 1 }}",
                "{{ pg_versoin | quote }}", "{{ cfg.missing_key | length }}", "{{ pg_versoin | join(',') }}")) {
            assertThatThrownBy(() -> templates.renderValue(template, vars, WHERE)).as(template)
                    .isInstanceOf(TemplateException.class)
                    .hasMessageStartingWith("filter '")
                    .hasMessageContaining("was given an undefined variable (or none)")
                    .hasMessageContaining("| default(...)")
                    .hasMessageContaining("roles/patroni/tasks.yml:12")
                    .hasMessageNotContaining("Exception");
        }
        assertThat(templates.renderValue("{{ pg_versoin | default(16) | int }}", vars, WHERE)).isEqualTo(16);
        assertThat(templates.renderValue("{{ pg_versoin | d('x') | upper }}", vars, WHERE)).isEqualTo("X");
        assertThat(templates.renderValue("{{ name | upper }}", vars, WHERE)).isEqualTo("PG1");
    }

    @Test
    void undefinedVariableIsAnErrorNamingTheVariableAndTheTask() {
        assertThatThrownBy(() -> templates.renderValue("/data/{{ pg_version }}/main", vars, WHERE))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("undefined variable 'pg_version'")
                .hasMessageContaining("roles/patroni/tasks.yml:12")
                .hasMessageContaining("Write config");
        assertThatThrownBy(() -> templates.renderValue("{{ pg_version }}", vars, WHERE))
                .hasMessageContaining("undefined variable 'pg_version'").hasMessageContaining("tasks.yml:12");
        assertThatThrownBy(() -> templates.test("cfg.missing_key", vars, WHERE))
                .hasMessageContaining("undefined variable 'cfg.missing_key'");
    }

    @Test
    void definedTestsAndDefaultsWorkInStrictMode() throws Exception {
        assertThat(templates.test("nope is defined", vars, WHERE)).isFalse();
        assertThat(templates.renderValue("{{ nope | default('x') }}", vars, WHERE)).isEqualTo("x");
    }

    @Test
    void whenExpressionsEvaluateToBooleans() throws Exception {
        assertThat(templates.test("loop_wait + 2*retry_timeout <= ttl", vars, WHERE)).isTrue();
        assertThat(templates.test("loop_wait + 2*retry_timeout > ttl", vars, WHERE)).isFalse();
        assertThat(templates.test("name in groups['etcd']", vars, WHERE)).isTrue();
        assertThat(templates.test("{{ enabled }}", vars, WHERE)).isTrue();
        assertThat(templates.test("groups.etcd | length", vars, WHERE)).isTrue();
        assertThat(templates.test("''", vars, WHERE)).isFalse();
    }

    @Test
    void syntaxErrorsAreReported() {
        assertThatThrownBy(() -> templates.test("ttl >", vars, WHERE))
                .isInstanceOf(TemplateException.class).hasMessageContaining("ttl >").hasMessageContaining(WHERE);
    }

    @Test
    void ansibleFilters() throws Exception {
        assertThat(templates.renderValue("{{ cfg | to_json }}", vars, WHERE)).asString().contains("\"port\":5432");
        assertThat((String) templates.renderValue("{{ groups.etcd | to_json }}", vars, WHERE)).isEqualTo("[\"pg1\",\"pg2\",\"pg3\"]");
        assertThat((String) templates.renderValue("{{ groups | to_yaml }}", vars, WHERE)).isEqualTo("etcd:\n- pg1\n- pg2\n- pg3");
        assertThat(templates.renderValue("{{ \"it's\" | quote }}", vars, WHERE)).isEqualTo("'it'\"'\"'s'");
        assertThat(templates.renderValue("{{ 'hi' | b64encode }}", vars, WHERE)).isEqualTo("aGk=");
        assertThat(templates.renderValue("{{ 'v16.4' | regex_replace('^v(\\\\d+)\\\\.(\\\\d+)$', '\\\\1 $ \\\\2') }}", vars, WHERE))
                .isEqualTo("16 $ 4");
        assertThat(templates.renderValue("{{ 'yes' | bool }}", vars, WHERE)).isEqualTo(true);
        assertThat(templates.renderValue("{{ 'no' | bool }}", vars, WHERE)).isEqualTo(false);
    }

    @Test
    void templateFilesRenderWithAnsibleBlockTrimmingAndNameTheFileOnError(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("patroni.yml.j2");
        Files.writeString(file, "ttl: {{ ttl }}\n{% for h in groups.etcd %}\n- {{ h }}\n{% endfor %}\n");
        assertThat(templates.renderFile(file, vars)).isEqualTo("ttl: 30\n- pg1\n- pg2\n- pg3\n");

        Files.writeString(file, "line one\nline two {{ missing }}\n");
        assertThatThrownBy(() -> templates.renderFile(file, vars))
                .hasMessageContaining("undefined variable 'missing'").hasMessageContaining(file + ":2");
    }

    @Test
    void eachRenderStartsFromTheGlobalsAlone() throws Exception {
        // Renders share one parent context per thread: what one render sets or defines must stay in it.
        assertThat(templates.render("{% set leaked = 'x' %}{% macro hello() %}hi{% endmacro %}{{ leaked }}{{ hello() }}",
                vars, WHERE)).isEqualTo("xhi");
        assertThatThrownBy(() -> templates.render("{{ leaked }}", vars, WHERE))
                .hasMessageContaining("undefined variable 'leaked'");
        assertThat(templates.test("hello is defined", vars, WHERE)).isFalse();
        assertThat(templates.renderValue("{{ name }}", Map.of("name", "pg2"), WHERE)).isEqualTo("pg2");
        assertThat(templates.renderValue("{{ name }}", vars, WHERE)).isEqualTo("pg1");
    }
}
