package io.pgha.cli;

import com.fasterxml.jackson.jr.ob.JSON;
import io.pgha.engine.Fixtures;
import io.pgha.roles.Role;
import io.pgha.transport.HostKeyPolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.pgha.engine.Fixtures.task;
import static org.assertj.core.api.Assertions.assertThat;

class CliTest {
    private static final String SECRET = "generated-Secret-42";

    @TempDir
    Path dir;

    private Path inventoryFile;
    private TestToolkit toolkit;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void setUp() throws Exception {
        inventoryFile = Files.writeString(dir.resolve("inventory.yml"), "all: {}\n");
        Role role = Fixtures.role("db", dir, Map.of(), List.of("db_password"), List.of(),
                task("Install", "package", Map.of("name", "postgresql")),
                task("Password", "content", Map.of("dest", "/etc/pw", "content", "{{ db_password }}")),
                task("Suite", "content", Map.of("dest", "/etc/suite", "content", "{{ ansible_distribution_release }}")));
        toolkit = new TestToolkit(Fixtures.inventory(Map.of("pgha_known_hosts", "lab/known_hosts"), "pg1", "pg2"),
                Fixtures.playbook("all", role));
        toolkit.secrets = Map.of("db_password", SECRET);
    }

    private int run(String... args) {
        return run(new CliEnvironment(false, null, dir), args);
    }

    private int run(CliEnvironment environment, String... args) {
        CommandLine cli = Cli.commandLine(toolkit, environment);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void versionComesFromTheBuild() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("pgha 0.1.0-SNAPSHOT").contains("Java ");
    }

    @Test
    void helpListsTheCommandsAndExitCodes() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("Usage: pgha").contains("ping").contains("provision").contains("Exit codes:");
        out.getBuffer().setLength(0);
        assertThat(run("provision", "--help")).isZero();
        assertThat(out.toString()).contains("--inventory").contains("--check").contains("--diff").contains("--limit")
                .contains("--tags").contains("--extra-vars").contains("--json").contains("--known-hosts")
                .contains("--accept-new-host-keys").contains("--playbook");
    }

    @Test
    void noCommandShowsUsageAndIsAUsageError() {
        assertThat(run()).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("Usage: pgha");
    }

    @Test
    void unknownOptionOrMissingInventoryIsAUsageError() {
        assertThat(run("provision", "-i", inventoryFile.toString(), "--bogus")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("Unknown option: '--bogus'");
        err.getBuffer().setLength(0);
        assertThat(run("provision")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("Missing required option: '--inventory=FILE'");
        assertThat(toolkit.fleet.opens).isEmpty();
    }

    @Test
    void badInventoryExitsWithUsageCodeBeforeAnyConnection() {
        assertThat(run("provision", "-i", dir.resolve("missing.yml").toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("missing.yml: no such inventory file");
        assertThat(out.toString()).isEmpty();
        assertThat(toolkit.fleet.opens).isEmpty();
    }

    @Test
    void badInputWithJsonIsAlsoAnErrorEvent() throws Exception {
        assertThat(run("provision", "-i", dir.resolve("missing.yml").toString(), "--json")).isEqualTo(ExitCodes.USAGE);
        assertThat(JSON.std.mapFrom(out.toString().strip())).containsEntry("event", "error").containsEntry("exit_code", 2)
                .containsEntry("message", dir.resolve("missing.yml") + ": no such inventory file");
    }

    @Test
    void badLimitIsAUsageError() {
        assertThat(run("provision", "-i", inventoryFile.toString(), "--limit", "pg7")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--limit pg7: no group or host named 'pg7'");
    }

    @Test
    void provisionRunsThePlaybookFromPghaHomeAndPrintsTheRecapWithoutSecrets() {
        int exit = run("provision", "-i", inventoryFile.toString(), "-e", "pg_version=16", "--diff");
        assertThat(exit).isZero();
        assertThat(toolkit.playbooksLoaded).containsExactly(dir.resolve("site.yml"));
        assertThat(toolkit.extraVarsSeen).containsExactly("pg_version=16");
        assertThat(toolkit.fleet.host("pg2").files).containsEntry("/etc/pw", SECRET).containsEntry("/etc/suite", "bookworm");
        assertThat(out.toString()).contains("changed: [pg1] Install: install postgresql")
                .contains("pg2 : ok=4 changed=3 unreachable=0 failed=0 skipped=0")
                .contains("+********")
                .doesNotContain(SECRET);
    }

    @Test
    void anExtraVarsFileReachesPghaAsWrittenNotAsPicocliArguments() throws Exception {
        Path vars = dir.resolve("vars.yml");
        Files.writeString(vars, "pg_version: 16\n");

        assertThat(run("provision", "-i", inventoryFile.toString(), "-e", "@" + vars)).isZero();
        assertThat(toolkit.extraVarsSeen).containsExactly("@" + vars);
    }

    @Test
    void checkModeChangesNothing() {
        assertThat(run("provision", "-i", inventoryFile.toString(), "--check")).isZero();
        toolkit.fleet.hosts.values().forEach(host -> assertThat(host.mutations()).isEmpty());
        assertThat(out.toString()).contains("changed: [pg1] Install");
    }

    @Test
    void jsonPrintsOneEventPerLine() throws Exception {
        assertThat(run("provision", "-i", inventoryFile.toString(), "--json", "--playbook", "other.yml")).isZero();
        assertThat(toolkit.playbooksLoaded).containsExactly(Path.of("other.yml"));
        List<String> lines = out.toString().lines().toList();
        for (String line : lines) {
            assertThat(JSON.std.mapFrom(line)).containsKey("event");
        }
        assertThat(JSON.std.mapFrom(lines.get(lines.size() - 1))).containsEntry("event", "recap").containsEntry("exit_code", 0);
        assertThat(out.toString()).doesNotContain(SECRET).doesNotContain("\u001b[");
    }

    @Test
    void coloursOnlyOnATerminalWithoutNoColor() {
        assertThat(run(new CliEnvironment(true, null, dir), "provision", "-i", inventoryFile.toString())).isZero();
        assertThat(out.toString()).contains("\u001b[33mchanged: [pg1]");
        out.getBuffer().setLength(0);
        assertThat(run(new CliEnvironment(true, "1", dir), "provision", "-i", inventoryFile.toString())).isZero();
        assertThat(out.toString()).doesNotContain("\u001b[");
        assertThat(run(new CliEnvironment(true, null, dir), "provision", "-i", inventoryFile.toString(), "--json")).isZero();
        assertThat(out.toString()).doesNotContain("\u001b[");
    }

    @Test
    void taskFailureExitsOneAndUnreachableOnlyExitsThree() {
        toolkit.fleet.unreachable.add("pg2");
        assertThat(run("provision", "-i", inventoryFile.toString())).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(out.toString()).contains("unreachable: [pg2] Gathering Facts => connect to 127.0.0.11:22: connection refused");
    }

    @Test
    void knownHostsDefaultsToTheInventoryVariableRelativeToTheInventory() {
        run("provision", "-i", inventoryFile.toString(), "--check");
        assertThat(toolkit.settingsSeen.knownHosts()).isEqualTo(dir.resolve("lab/known_hosts"));
        assertThat(toolkit.settingsSeen.hostKeyPolicy()).isEqualTo(HostKeyPolicy.STRICT);

        run("provision", "-i", inventoryFile.toString(), "--check", "--known-hosts", "/tmp/kh", "--accept-new-host-keys");
        assertThat(toolkit.settingsSeen.knownHosts()).isEqualTo(Path.of("/tmp/kh"));
        assertThat(toolkit.settingsSeen.hostKeyPolicy()).isEqualTo(HostKeyPolicy.ACCEPT_NEW);
    }

    @Test
    void pingReportsEachHostAndSudo() {
        toolkit.fleet.host("pg1").files.put("/etc/os-release", "Debian 12");
        toolkit.fleet.host("pg2").files.put("/etc/os-release", "Debian 13");
        assertThat(run("ping", "-i", inventoryFile.toString())).isZero();
        assertThat(out.toString()).containsPattern("ok: \\[pg1\\] OS Debian 12, sudo ok \\(\\d+\\.\\ds\\)")
                .contains("ok: [pg2] OS Debian 13, sudo ok");

        out.getBuffer().setLength(0);
        toolkit.fleet.host("pg2").sudoWorks = false;
        assertThat(run("ping", "-i", inventoryFile.toString(), "--limit", "pg2")).isEqualTo(ExitCodes.FAILED);
        assertThat(out.toString()).contains("failed: [pg2] => sudo -n true failed").contains("a password is required")
                .doesNotContain("pg1");

        out.getBuffer().setLength(0);
        toolkit.fleet.unreachable.add("pg1");
        toolkit.fleet.host("pg2").sudoWorks = true;
        assertThat(run("ping", "-i", inventoryFile.toString())).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(out.toString()).contains("unreachable: [pg1] => connect to");
    }

    @Test
    void keyPassphrasesAreRedactedToo() {
        toolkit.fleet.unreachable.add("pg1");
        toolkit.fleet.reasonDetail = " (key passphrase key-passphrase-pg1 rejected)";
        assertThat(run("ping", "-i", inventoryFile.toString(), "--limit", "pg1")).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(out.toString()).contains("key passphrase ******** rejected").doesNotContain("key-passphrase-pg1");
    }
}
