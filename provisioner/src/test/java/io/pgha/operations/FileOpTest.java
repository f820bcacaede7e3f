package io.pgha.operations;

import io.pgha.facts.PathStatFact;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileOpTest {
    private static final String DIR = "/var/lib/pgha";
    private final FileOp file = new FileOp();

    /** @param found stat's line for the path (and a link's target on a second line), or "absent\n" */
    private static ScriptedContext stat(String path, String found) {
        String[] lines = found.split("\n");
        String output = lines[0].equals("absent") ? "@@pgha:paths\na\n@@pgha:stat\n@@pgha:links\n"
                : "@@pgha:paths\ne\n@@pgha:stat\n" + lines[0] + "\n@@pgha:links\n" + (lines.length > 1 ? lines[1] + "\n" : "");
        return new ScriptedContext().onFact(new PathStatFact(path), output);
    }

    @Test
    void existingDirectoryWithTheRightAttributesIsUnchanged() throws Exception {
        ScriptedContext ctx = stat(DIR, "directory\tpostgres\tpostgres\t750\n");

        Plan plan = file.plan(ctx, Map.of("path", DIR, "state", "directory", "owner", "postgres",
                "group", "postgres", "mode", "0750"));

        assertThat(plan.changes()).isFalse();
    }

    @Test
    void missingDirectoryIsCreatedWithOwnerAndMode() throws Exception {
        Plan plan = file.plan(stat(DIR, "absent\n"),
                Map.of("path", DIR, "state", "directory", "owner", "postgres", "mode", "0700"));

        assertThat(plan.actions()).singleElement().extracting(Action::describe)
                .isEqualTo("mkdir -p -- /var/lib/pgha && chown postgres -- /var/lib/pgha && chmod 0700 -- /var/lib/pgha");
    }

    @Test
    void wrongModeAndGroupAreFixed() throws Exception {
        Plan plan = file.plan(stat(DIR, "directory\tpostgres\troot\t755\n"),
                Map.of("path", DIR, "state", "directory", "group", "postgres", "mode", "0750"));

        assertThat(plan.actions()).singleElement().extracting(Action::describe)
                .isEqualTo("chown :postgres -- /var/lib/pgha && chmod 0750 -- /var/lib/pgha");
        assertThat(plan.message()).isEqualTo("/var/lib/pgha: owner postgres:root -> :postgres, mode 0755 -> 0750");
    }

    @Test
    void linksAreCreatedAndRetargeted() throws Exception {
        String link = "/usr/local/bin/patronictl";
        assertThat(file.plan(stat(link, "absent\n"), Map.of("path", link, "state", "link", "src", "/usr/bin/patronictl"))
                .actions()).singleElement().extracting(Action::describe)
                .isEqualTo("ln -s -- /usr/bin/patronictl /usr/local/bin/patronictl");
        assertThat(file.plan(stat(link, "symbolic link\troot\troot\t777\n/usr/bin/patronictl\n"),
                Map.of("path", link, "state", "link", "src", "/usr/bin/patronictl")).changes()).isFalse();
        assertThat(file.plan(stat(link, "symbolic link\troot\troot\t777\n/opt/old\n"),
                Map.of("path", link, "state", "link", "src", "/usr/bin/patronictl")).actions())
                .singleElement().extracting(Action::describe)
                .isEqualTo("ln -sfn -- /usr/bin/patronictl /usr/local/bin/patronictl");
    }

    @Test
    void absentRemovesOnlyWhatExists() throws Exception {
        String path = "/etc/haproxy/old.cfg";
        assertThat(file.plan(stat(path, "absent\n"), Map.of("path", path, "state", "absent")).changes()).isFalse();
        assertThat(file.plan(stat(path, "regular file\troot\troot\t644\n"), Map.of("path", path, "state", "absent"))
                .actions()).singleElement().extracting(Action::describe).isEqualTo("rm -rf -- /etc/haproxy/old.cfg");
    }

    @Test
    void missingFileIsCreatedEmpty() throws Exception {
        String path = "/etc/pgha.flag";
        assertThat(file.plan(stat(path, "absent\n"), Map.of("path", path)).actions())
                .singleElement().extracting(Action::describe).isEqualTo("touch -- /etc/pgha.flag");
    }

    @Test
    void neverReplacesSomethingOfAnotherType() {
        assertThatThrownBy(() -> file.plan(stat(DIR, "regular file\troot\troot\t644\n"),
                Map.of("path", DIR, "state", "directory")))
                .hasMessageStartingWith("/var/lib/pgha exists as a file, not a directory: remove it first");
    }

    @Test
    void badArgumentsNameTheArgument() {
        ScriptedContext ctx = new ScriptedContext();
        assertThatThrownBy(() -> file.plan(ctx, Map.of("path", DIR, "mode", 640)))
                .hasMessageContaining("file: argument 'mode' must be a quoted octal string such as \"0640\"");
        assertThatThrownBy(() -> file.plan(ctx, Map.of("path", DIR, "mode", "rwxr-x---")))
                .hasMessageContaining("argument 'mode' must be an octal mode such as \"0644\"");
        assertThatThrownBy(() -> file.plan(ctx, Map.of("path", "relative/dir")))
                .hasMessage("file: argument 'path' must be an absolute path (got 'relative/dir')");
        assertThatThrownBy(() -> file.plan(ctx, Map.of("path", DIR, "state", "link")))
                .hasMessageContaining("argument 'src' is required with state: link");
        assertThatThrownBy(() -> file.plan(ctx, Map.of("path", "/etc", "state", "absent")))
                .hasMessageContaining("refuses to remove a top-level path");
        assertThatThrownBy(() -> file.plan(ctx, Map.of("path", DIR, "state", "touch")))
                .hasMessage("file: argument 'state' must be one of file, directory, link, absent (got 'touch')");
    }
}
