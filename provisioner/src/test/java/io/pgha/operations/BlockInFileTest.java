package io.pgha.operations;

import io.pgha.facts.FileQuery;
import io.pgha.facts.FilesFact;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BlockInFileTest {
    private static final String HOSTS = "/etc/hosts";
    private static final String BLOCK = "10.0.0.11 pg1\n10.0.0.12 pg2\n";
    private static final String BASE = "127.0.0.1 localhost\n::1 localhost\n";
    private static final String MANAGED = BASE + "# BEGIN pgha managed block\n10.0.0.11 pg1\n10.0.0.12 pg2\n"
            + "# END pgha managed block\n";
    private final BlockInFile op = new BlockInFile();

    private static ScriptedContext hosts(String fileFactOutput) {
        return new ScriptedContext().onFact(new FilesFact(FileQuery.fetch(HOSTS)), fileFactOutput);
    }

    @Test
    void blockAlreadyThereIsNoChange() throws Exception {
        assertThat(op.plan(hosts(Recorded.changedFile("root", "root", "644", MANAGED)),
                Map.of("path", HOSTS, "block", BLOCK)).changes()).isFalse();
    }

    @Test
    void blockIsAppendedKeepingTheRest() throws Exception {
        Plan plan = op.plan(hosts(Recorded.changedFile("root", "root", "644", BASE)), Map.of("path", HOSTS, "block", BLOCK));

        assertThat(new String(((Action.Upload) plan.actions().get(0)).content(), StandardCharsets.UTF_8)).isEqualTo(MANAGED);
        assertThat(plan.diff()).contains("+10.0.0.12 pg2");
    }

    @Test
    void blockIsReplacedInPlace() {
        String old = "a\n# BEGIN pgha managed block\nold\n# END pgha managed block\nz\n";
        assertThat(BlockInFile.edit(old, "# BEGIN pgha managed block", "# END pgha managed block", "new1\nnew2"))
                .isEqualTo("a\n# BEGIN pgha managed block\nnew1\nnew2\n# END pgha managed block\nz\n");
        assertThat(BlockInFile.edit(old, "# BEGIN pgha managed block", "# END pgha managed block", null))
                .isEqualTo("a\nz\n");
        assertThat(BlockInFile.edit("no newline", "<B>", "<E>", "x")).isEqualTo("no newline\n<B>\nx\n<E>\n");
    }

    @Test
    void absentStateRemovesTheBlockAndMissingFileIsCreated() throws Exception {
        Plan removed = op.plan(hosts(Recorded.changedFile("root", "root", "644", MANAGED)),
                Map.of("path", HOSTS, "state", "absent"));
        assertThat(new String(((Action.Upload) removed.actions().get(0)).content(), StandardCharsets.UTF_8)).isEqualTo(BASE);

        String limits = "/etc/security/limits.d/pgha.conf";
        ScriptedContext ctx = new ScriptedContext().onFact(new FilesFact(FileQuery.fetch(limits)), Recorded.absent());
        Plan created = op.plan(ctx, Map.of("path", limits, "block", "postgres - nofile 20000", "marker", "## {mark}"));
        assertThat(new String(((Action.Upload) created.actions().get(0)).content(), StandardCharsets.UTF_8))
                .isEqualTo("## BEGIN\npostgres - nofile 20000\n## END\n");
    }

    @Test
    void badArguments() {
        ScriptedContext ctx = new ScriptedContext();
        assertThatThrownBy(() -> op.plan(ctx, Map.of("path", HOSTS, "block", "x", "marker", "# pgha")))
                .hasMessage("blockinfile: argument 'marker' must be one line containing {mark} (got '# pgha')");
        assertThatThrownBy(() -> op.plan(ctx, Map.of("path", HOSTS)))
                .hasMessageContaining("argument 'block' is required");
    }
}
