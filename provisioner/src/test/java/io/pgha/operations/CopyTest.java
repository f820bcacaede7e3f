package io.pgha.operations;

import io.pgha.facts.FileQuery;
import io.pgha.facts.FilesFact;
import io.pgha.transport.RemoteFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CopyTest {
    private static final String DEST = "/etc/haproxy/haproxy.cfg";
    private static final String NEW = "global\n  maxconn 1000\ndefaults\n  mode tcp\n";
    private final Copy copy = new Copy();

    private static ScriptedContext host(String dest, String content, String factOutput) {
        return new ScriptedContext().onFact(
                new FilesFact(FileQuery.compareWith(dest, Recorded.sha(content))), factOutput);
    }

    @Test
    void sameContentOwnerAndModeIsNoChange() throws Exception {
        ScriptedContext ctx = host(DEST, NEW, Recorded.file("root", "haproxy", "640", NEW));

        Plan plan = copy.plan(ctx, Map.of("dest", DEST, "content", NEW, "group", "haproxy", "mode", "0640"));

        assertThat(plan.changes()).isFalse();
        assertThat(plan.message()).isEqualTo("/etc/haproxy/haproxy.cfg is up to date");
    }

    @Test
    void changedContentIsUploadedWithAValidatedAtomicWriteAndADiff() throws Exception {
        String old = "global\n  maxconn 200000\ndefaults\n  mode tcp\n";
        ScriptedContext ctx = host(DEST, NEW, Recorded.changedFile("root", "root", "644", old));

        Plan plan = copy.plan(ctx, Map.of("dest", DEST, "content", NEW, "validate", "haproxy -c -f %s"));

        assertThat(plan.actions()).singleElement().isInstanceOfSatisfying(Action.Upload.class, up -> {
            assertThat(new String(up.content(), StandardCharsets.UTF_8)).isEqualTo(NEW);
            assertThat(up.target()).isEqualTo(new RemoteFile(DEST, "0644", "root", "root", true, "haproxy -c -f %s"));
        });
        assertThat(plan.message()).isEqualTo("update /etc/haproxy/haproxy.cfg");
        assertThat(plan.diff()).isEqualTo("""
                --- /etc/haproxy/haproxy.cfg
                +++ /etc/haproxy/haproxy.cfg
                @@ -1,4 +1,4 @@
                 global
                -  maxconn 200000
                +  maxconn 1000
                 defaults
                   mode tcp
                """);
    }

    @Test
    void newFileInAMissingDirectoryCreatesTheDirectory() throws Exception {
        String dest = "/etc/pgha/new.conf";
        ScriptedContext ctx = host(dest, "a\n", Recorded.absentWithoutParent());

        Plan plan = copy.plan(ctx, Map.of("dest", dest, "content", "a\n"));

        assertThat(plan.actions()).hasSize(2);
        assertThat(plan.actions().get(0).describe()).isEqualTo("mkdir -p -- /etc/pgha");
        assertThat(plan.actions().get(1).describe()).isEqualTo("write /etc/pgha/new.conf (2 bytes, mode 0644)");
        assertThat(plan.diff()).startsWith("--- /dev/null\n+++ /etc/pgha/new.conf\n").contains("+a");
    }

    @Test
    void onlyAttributesDifferMeansChmodAndChownWithoutUpload() throws Exception {
        ScriptedContext ctx = host(DEST, NEW, Recorded.file("root", "root", "644", NEW));

        Plan plan = copy.plan(ctx, Map.of("dest", DEST, "content", NEW, "owner", "haproxy", "mode", "0600"));

        assertThat(plan.actions()).singleElement().extracting(Action::describe)
                .isEqualTo("chown haproxy -- /etc/haproxy/haproxy.cfg && chmod 0600 -- /etc/haproxy/haproxy.cfg");
        assertThat(plan.diff()).isNull();
    }

    @Test
    void keepsTheExistingOwnerAndModeWhenNotGiven() throws Exception {
        ScriptedContext ctx = host(DEST, NEW, Recorded.changedFile("haproxy", "haproxy", "640", "x\n"));

        Plan plan = copy.plan(ctx, Map.of("dest", DEST, "content", NEW));

        assertThat(((Action.Upload) plan.actions().get(0)).target())
                .isEqualTo(new RemoteFile(DEST, "0640", "haproxy", "haproxy", true, null));
    }

    @Test
    void secretLookingFilesHideTheirContent() throws Exception {
        String pgpass = "/var/lib/postgresql/.pgpass";
        String secret = "*:*:*:replicator:s3cr3t\n";
        ScriptedContext ctx = host(pgpass, secret, Recorded.changedFile("postgres", "postgres", "600", "old\n"));
        Plan byMode = copy.plan(ctx, Map.of("dest", pgpass, "content", secret, "mode", "0600"));
        assertThat(byMode.diff()).contains("content hidden").doesNotContain("s3cr3t").doesNotContain("old");

        String conf = "/etc/app.conf";
        String withPassword = "user: app\npassword: hunter2\n";
        ScriptedContext ctx2 = host(conf, withPassword, Recorded.changedFile("root", "root", "644", "user: app\n"));
        assertThat(copy.plan(ctx2, Map.of("dest", conf, "content", withPassword)).diff())
                .contains("content hidden").doesNotContain("hunter2");

        ScriptedContext ctx3 = host(conf, "plain\n", Recorded.changedFile("root", "root", "644", "old\n"));
        assertThat(copy.plan(ctx3, Map.of("dest", conf, "content", "plain\n", "diff", false)).diff())
                .contains("content hidden (diff: false)");
    }

    @Test
    void srcIsReadFromTheRoleFiles(@TempDir Path files) throws Exception {
        Files.writeString(files.resolve("limits.conf"), "postgres - nofile 65536\n");
        ScriptedContext ctx = host("/etc/security/limits.d/pg.conf", "postgres - nofile 65536\n",
                Recorded.file("root", "root", "644", "postgres - nofile 65536\n")).files(files);

        assertThat(copy.plan(ctx, Map.of("dest", "/etc/security/limits.d/pg.conf", "src", "limits.conf")).changes())
                .isFalse();
        assertThatThrownBy(() -> copy.plan(ctx, Map.of("dest", DEST, "src", "missing.conf")))
                .hasMessageContaining("copy: argument 'src' names a file that cannot be read");
    }

    @Test
    void badArgumentsNameTheArgument() {
        ScriptedContext ctx = new ScriptedContext();
        assertThatThrownBy(() -> copy.plan(ctx, Map.of("dest", DEST, "content", "x", "mode", 640)))
                .hasMessage("copy: argument 'mode' must be a quoted octal string such as \"0640\" (an unquoted number "
                        + "like 640 is read as decimal by YAML); write mode: \"0640\"");
        assertThatThrownBy(() -> copy.plan(ctx, Map.of("dest", DEST)))
                .hasMessage("copy: one of the arguments content, src is required");
        assertThatThrownBy(() -> copy.plan(ctx, Map.of("dest", DEST, "content", "x", "src", "y")))
                .hasMessage("copy: arguments 'content' and 'src' cannot be used together");
        assertThatThrownBy(() -> copy.plan(ctx, Map.of("dest", DEST, "content", "x", "validate", "haproxy -c")))
                .hasMessageContaining("argument 'validate' must contain %s");
        assertThatThrownBy(() -> copy.plan(ctx, Map.of("content", "x")))
                .hasMessage("copy: argument 'dest' is required");
    }
}
