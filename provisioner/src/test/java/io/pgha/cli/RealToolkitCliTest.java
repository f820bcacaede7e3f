package io.pgha.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The real loaders behind the commands: bad input exits 2 with the loader's message, before any connection. */
class RealToolkitCliTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Cli.commandLine(new DefaultToolkit(), new CliEnvironment(false, null, dir));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private Path inventory() throws Exception {
        // 192.0.2.0/24 is reserved for documentation: a test that wrongly connected would fail, not reach anything.
        Files.writeString(dir.resolve("key"), "not read: nothing connects\n");
        return Files.writeString(dir.resolve("inventory.yml"),
                "all:\n  hosts:\n    pg1:\n      ansible_host: 192.0.2.11\n      ansible_ssh_private_key_file: key\n");
    }

    @Test
    void brokenInventoryYamlNamesFileAndLine() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.yml"), "all:\n  hosts:\n    pg1:\n      x: 1\n     y: [\n");
        assertThat(run("provision", "-i", broken.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("broken.yml:5").contains("YAML syntax error");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void missingInventory() {
        assertThat(run("ping", "-i", dir.resolve("nowhere.yml").toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("nowhere.yml: file not found");
    }

    @Test
    void playbookDefaultsToPghaHomeAndAnUnknownRoleIsBadInput() throws Exception {
        Path inventory = inventory();
        assertThat(run("provision", "-i", inventory.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains(dir.resolve("site.yml") + ": file not found");

        err.getBuffer().setLength(0);
        Files.writeString(dir.resolve("site.yml"), "- name: Base\n  hosts: all\n  roles: [nope]\n");
        assertThat(run("provision", "-i", inventory.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("site.yml:3").contains("no role folder").contains("roles/nope");
    }

    @Test
    void badExtraVarIsBadInput() throws Exception {
        assertThat(run("provision", "-i", inventory().toString(), "-e", "not a pair")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("'not a pair' is not key=value");
    }

    @Test
    void preflightFailureIsBadInputWithTheRenderedMessage() throws Exception {
        Path inventory = inventory();
        Files.writeString(dir.resolve("site.yml"), "- name: Base\n  hosts: all\n  roles: [timing]\n");
        Path role = Files.createDirectories(dir.resolve("roles/timing"));
        Files.writeString(role.resolve("tasks.yml"), "- name: Say\n  command:\n    cmd: echo hi\n");
        Files.writeString(role.resolve("defaults.yml"), "ttl: 30\nloop_wait: 10\n");
        Files.writeString(role.resolve("meta.yml"),
                "asserts:\n  - that: \"loop_wait * 2 <= ttl\"\n    msg: \"loop_wait {{ loop_wait }} is too long for ttl {{ ttl }}\"\n");
        assertThat(run("provision", "-i", inventory.toString(), "-e", "loop_wait=20")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("preflight failed, nothing was changed")
                .contains("[pg1] timing: loop_wait 20 is too long for ttl 30");
    }
}
