package io.pgha.operations;

import io.pgha.facts.AptListsAgeFact;
import io.pgha.facts.FileQuery;
import io.pgha.facts.FilesFact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AptRepositoryTest {
    private static final String KEY = "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmQINBF...\n-----END PGP PUBLIC KEY BLOCK-----\n";
    private static final String KEY_PATH = "/etc/apt/keyrings/pgdg.asc";
    private static final String SOURCES_PATH = "/etc/apt/sources.list.d/pgdg.sources";
    private static final String SOURCES = """
            # Managed by pgha
            Types: deb
            URIs: http://apt.postgresql.org/pub/repos/apt
            Suites: trixie-pgdg
            Components: main
            Signed-By: /etc/apt/keyrings/pgdg.asc
            """;
    private static final Map<String, Object> ARGS = Map.of("name", "pgdg",
            "uris", "http://apt.postgresql.org/pub/repos/apt", "suites", List.of("trixie-pgdg"),
            "components", "main", "key", KEY);
    private final AptRepository op = new AptRepository();

    private static FilesFact fact() {
        return new FilesFact(List.of(FileQuery.compareWith(KEY_PATH, Recorded.sha(KEY)),
                FileQuery.compareWith(SOURCES_PATH, Recorded.sha(SOURCES))));
    }

    @Test
    void configuredRepositoryIsNoChange() throws Exception {
        ScriptedContext ctx = new ScriptedContext().onFact(fact(),
                Recorded.files(Recorded.file("root", "root", "644", KEY), Recorded.file("root", "root", "644", SOURCES)));

        assertThat(op.plan(ctx, ARGS).changes()).isFalse();
        assertThat(ctx.asked()).hasSize(1);
    }

    @Test
    void newRepositoryWritesKeyAndSourcesThenUpdates() throws Exception {
        ScriptedContext ctx = new ScriptedContext().onFact(fact(), Recorded.files(Recorded.absent(), Recorded.absent()));

        Plan plan = op.plan(ctx, ARGS);

        assertThat(plan.actions()).extracting(Action::describe).containsExactly(
                "write /etc/apt/keyrings/pgdg.asc (" + KEY.length() + " bytes, mode 0644)",
                "write /etc/apt/sources.list.d/pgdg.sources (" + SOURCES.length() + " bytes, mode 0644)",
                Apt.updateAction().describe());
        assertThat(plan.diff()).contains("+Suites: trixie-pgdg");
    }

    @Test
    void changedSourcesAloneAlsoUpdates() throws Exception {
        ScriptedContext ctx = new ScriptedContext().onFact(fact(), Recorded.files(Recorded.file("root", "root", "644", KEY),
                Recorded.changedFile("root", "root", "644", SOURCES.replace("trixie", "bookworm"))));

        assertThat(op.plan(ctx, ARGS).actions()).hasSize(2);
    }

    @Test
    void keyFromARoleFile(@TempDir Path files) throws Exception {
        Files.writeString(files.resolve("pgdg.asc"), KEY);
        ScriptedContext ctx = new ScriptedContext().files(files).onFact(fact(),
                Recorded.files(Recorded.file("root", "root", "644", KEY), Recorded.file("root", "root", "644", SOURCES)));
        Map<String, Object> args = new java.util.HashMap<>(ARGS);
        args.remove("key");
        args.put("key_file", "pgdg.asc");

        assertThat(op.plan(ctx, args).changes()).isFalse();
    }

    @Test
    void absentRemovesBoth() throws Exception {
        FilesFact probe = new FilesFact(List.of(FileQuery.compareWith(KEY_PATH, null),
                FileQuery.compareWith(SOURCES_PATH, null)));
        ScriptedContext present = new ScriptedContext().onFact(probe, Recorded.files(Recorded.file("root", "root", "644", KEY),
                Recorded.absent()));
        ScriptedContext gone = new ScriptedContext().onFact(probe, Recorded.files(Recorded.absent(), Recorded.absent()));

        assertThat(op.plan(present, Map.of("name", "pgdg", "state", "absent")).actions()).extracting(Action::describe)
                .containsExactly("rm -f -- /etc/apt/sources.list.d/pgdg.sources /etc/apt/keyrings/pgdg.asc",
                        Apt.updateAction().describe());
        assertThat(op.plan(gone, Map.of("name", "pgdg", "state", "absent")).changes()).isFalse();
    }

    @Test
    void badArguments() {
        ScriptedContext ctx = new ScriptedContext();
        assertThatThrownBy(() -> op.plan(ctx, Map.of("name", "pgdg", "uris", "http://x", "suites", "s", "key", "binary")))
                .hasMessageContaining("apt_repository: argument 'key' must be an ASCII-armored public key");
        assertThatThrownBy(() -> op.plan(ctx, Map.of("name", "pgdg", "suites", "s", "key", KEY)))
                .hasMessage("apt_repository: argument 'uris' is required (one value or a list)");
        assertThatThrownBy(() -> op.plan(ctx, Map.of("name", "PG DG", "uris", "u", "suites", "s", "key", KEY)))
                .hasMessageContaining("argument 'name' must be lower-case letters");
        assertThatThrownBy(() -> op.plan(ctx, Map.of("name", "pgdg", "uris", "u", "suites", "s")))
                .hasMessage("apt_repository: one of the arguments key, key_file is required");
    }

    @Test
    void updateTouchesTheStampThatAptListsAgeFactReads() {
        assertThat(Apt.updateAction().describe()).endsWith("touch " + AptListsAgeFact.UPDATE_STAMP);
    }
}
