package io.pgha.operations;

import io.pgha.facts.LocalShell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real fact commands and the real actions, run on this machine: each module changes a
 * fresh path once and then plans no change.
 */
class LocalConvergenceTest {

    @TempDir
    Path dir;

    private Plan converge(Operation op, Map<String, Object> args) throws Exception {
        LocalHost host = new LocalHost(dir);
        Plan first = op.plan(host, args);
        assertThat(first.changes()).as("first run of %s changes", op.name()).isTrue();
        host.apply(first);
        Plan second = op.plan(host, args);
        assertThat(second.changes()).as("second run of %s: %s", op.name(), second.message()).isFalse();
        return first;
    }

    @Test
    void fileModule() throws Exception {
        String data = dir.resolve("data/17/main").toString();
        converge(new FileOp(), Map.of("path", data, "state", "directory", "mode", "0700"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(data)))).isEqualTo("rwx------");

        converge(new FileOp(), Map.of("path", data, "state", "directory", "mode", "0750"));
        converge(new FileOp(), Map.of("path", dir.resolve("current").toString(), "state", "link", "src", data));
        converge(new FileOp(), Map.of("path", dir.resolve("current").toString(), "state", "link", "src", "/tmp"));
        converge(new FileOp(), Map.of("path", dir.resolve("flag").toString(), "mode", "0600"));
        converge(new FileOp(), Map.of("path", dir.resolve("data").toString(), "state", "absent"));
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void copyModuleWithValidateAndANewDirectory() throws Exception {
        String dest = dir.resolve("etc/haproxy/haproxy.cfg").toString();
        Map<String, Object> args = Map.of("dest", dest, "content", "global\n  maxconn 100\n", "mode", "0640",
                "validate", "grep -q maxconn %s");

        converge(new Copy(), args);
        Map<String, Object> changed = new LinkedHashMap<>(args);
        changed.put("content", "global\n  maxconn 200\n");
        Plan update = converge(new Copy(), changed);

        assertThat(Files.readString(Path.of(dest))).isEqualTo("global\n  maxconn 200\n");
        assertThat(update.diff()).contains("content hidden");
        converge(new Copy(), Map.of("dest", dest, "content", "global\n  maxconn 200\n", "mode", "0644"));
    }

    @Test
    void copyFromRoleFilesAndYaml() throws Exception {
        Files.writeString(dir.resolve("helper.sh"), "#!/bin/sh\necho ok\n");
        Files.createDirectories(dir.resolve("bin"));
        converge(new Copy(), Map.of("dest", dir.resolve("bin/helper").toString(), "src", "helper.sh", "mode", "0755"));
        assertThat(LocalShell.run(dir.resolve("bin/helper").toString()).stdout()).isEqualTo("ok\n");

        Map<String, Object> data = new LinkedHashMap<>();
        data.put("scope", "pgha");
        data.put("etcd3", Map.of("hosts", List.of("10.0.0.11:2379")));
        converge(new YamlFile(), Map.of("dest", dir.resolve("config.yml").toString(), "data", data, "mode", "0600"));
    }

    @Test
    void blockInFileKeepsTheRestOfTheFile() throws Exception {
        Path hosts = dir.resolve("hosts");
        Files.writeString(hosts, "127.0.0.1 localhost\n");
        converge(new BlockInFile(), Map.of("path", hosts.toString(), "block", "10.0.0.11 pg1\n10.0.0.12 pg2\n"));
        converge(new BlockInFile(), Map.of("path", hosts.toString(), "block", "10.0.0.11 pg1\n"));

        assertThat(Files.readString(hosts)).isEqualTo("127.0.0.1 localhost\n# BEGIN pgha managed block\n"
                + "10.0.0.11 pg1\n# END pgha managed block\n");
        converge(new BlockInFile(), Map.of("path", hosts.toString(), "state", "absent"));
        assertThat(Files.readString(hosts)).isEqualTo("127.0.0.1 localhost\n");
    }

    @Test
    void commandGuardedByCreates() throws Exception {
        String marker = dir.resolve("initialised").toString();
        converge(new Command("shell"), Map.of("cmd", "echo done > initialised", "chdir", dir.toString(),
                "creates", marker));
        assertThat(Files.readString(Path.of(marker))).isEqualTo("done\n");
    }
}
