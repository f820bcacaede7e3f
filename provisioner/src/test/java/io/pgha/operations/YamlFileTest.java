package io.pgha.operations;

import io.pgha.facts.FileQuery;
import io.pgha.facts.FilesFact;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class YamlFileTest {
    private static final String DEST = "/etc/patroni/config.yml";

    private static Map<String, Object> patroni() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("wal_level", "replica");
        params.put("hot_standby", "on");
        params.put("max_connections", 100);
        params.put("wal_keep_size", "128MB");
        Map<String, Object> pg = new LinkedHashMap<>();
        pg.put("listen", "0.0.0.0:5432");
        pg.put("data_dir", "/var/lib/postgresql/17/main");
        pg.put("parameters", params);
        pg.put("pg_hba", List.of("host replication replicator 10.0.0.0/24 scram-sha-256",
                "host all all 10.0.0.0/24 scram-sha-256"));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("scope", "pgha");
        data.put("name", "pg1");
        data.put("etcd3", Map.of("hosts", List.of("10.0.0.11:2379", "10.0.0.12:2379")));
        data.put("postgresql", pg);
        data.put("watchdog", Map.of("mode", "off"));
        return data;
    }

    @Test
    void writesBlockStyleYamlInTheGivenOrder() {
        String yaml = YamlWriter.write(patroni());

        assertThat(yaml).isEqualTo("""
                # Managed by pgha: local changes are overwritten.
                scope: pgha
                name: pg1
                etcd3:
                  hosts:
                    - 10.0.0.11:2379
                    - 10.0.0.12:2379
                postgresql:
                  listen: 0.0.0.0:5432
                  data_dir: /var/lib/postgresql/17/main
                  parameters:
                    wal_level: replica
                    hot_standby: "on"
                    max_connections: 100
                    wal_keep_size: 128MB
                  pg_hba:
                    - host replication replicator 10.0.0.0/24 scram-sha-256
                    - host all all 10.0.0.0/24 scram-sha-256
                watchdog:
                  mode: "off"
                """);
    }

    @Test
    void stringsAYaml11ReaderWouldMisreadAreQuotedAndRoundTrip() {
        Map<String, Object> data = new LinkedHashMap<>();
        for (String s : List.of("yes", "No", "on", "0022", "16.10", "1:20", "2024-01-02", "~", "0x1f", "12", "true",
                "plain text", "multi\nline\n")) {
            data.put("k" + data.size(), s);
        }
        String yaml = YamlWriter.write(data);

        assertThat(yaml).contains("k0: \"yes\"", "k1: \"No\"", "k2: \"on\"", "k3: \"0022\"", "k4: \"16.10\"",
                "k5: \"1:20\"", "k6: \"2024-01-02\"", "k7: \"~\"", "k8: \"0x1f\"", "k11: plain text");
        Object back = new Load(LoadSettings.builder().build()).loadFromString(yaml);
        assertThat(back).isEqualTo(data);
    }

    @Test
    void unorderedMapsAreSortedSoTheOutputIsStable() {
        Map<String, Object> data = new HashMap<>();
        for (String k : List.of("zeta", "alpha", "mid", "beta")) {
            data.put(k, 1);
        }
        assertThat(YamlWriter.write(data)).endsWith("alpha: 1\nbeta: 1\nmid: 1\nzeta: 1\n");
    }

    @Test
    void sharedObjectsAreWrittenOutNotAsAnchors() {
        List<String> hosts = List.of("a", "b");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("one", hosts);
        data.put("two", hosts);
        assertThat(YamlWriter.write(data)).doesNotContain("&").doesNotContain("*id");
    }

    @Test
    void convergedAndChangedHosts() throws Exception {
        String yaml = YamlWriter.write(patroni());
        YamlFile op = new YamlFile();
        FilesFact fact = new FilesFact(FileQuery.compareWith(DEST, Recorded.sha(yaml)));
        Map<String, Object> args = Map.of("dest", DEST, "data", patroni(), "owner", "postgres", "mode", "0600",
                "validate", "patroni --validate-config %s");

        assertThat(op.plan(new ScriptedContext().onFact(fact, Recorded.file("postgres", "postgres", "600", yaml)),
                args).changes()).isFalse();
        Plan changed = op.plan(new ScriptedContext().onFact(fact,
                Recorded.changedFile("postgres", "postgres", "600", "scope: old\n")), args);
        assertThat(changed.actions()).singleElement().isInstanceOf(Action.Upload.class);
        assertThat(changed.diff()).contains("content hidden");
    }

    @Test
    void dataMustBeAMapping() {
        assertThatThrownBy(() -> new YamlFile().plan(new ScriptedContext(), Map.of("dest", DEST, "data", "scope: x")))
                .hasMessage("yaml_file: argument 'data' must be a mapping (got a string)");
        assertThatThrownBy(() -> new YamlFile().plan(new ScriptedContext(), Map.of("dest", DEST)))
                .hasMessageContaining("argument 'data' is required");
    }
}
