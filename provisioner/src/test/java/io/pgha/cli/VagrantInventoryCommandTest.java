package io.pgha.cli;

import io.pgha.vagrant.ControlAddress;
import io.pgha.vagrant.RecordedVagrant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VagrantInventoryCommandTest {
    @TempDir
    Path dir;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final List<Path> askedFor = new ArrayList<>();

    @BeforeEach
    void keys() throws IOException {
        for (String m : List.of("pg1", "pg2", "pg3")) {
            Path key = dir.resolve(".vagrant/machines/" + m + "/libvirt/private_key");
            Files.createDirectories(key.getParent());
            Files.writeString(key, "k");
        }
    }

    private int run(RecordedVagrant vagrant, String... args) {
        CommandLine cli = new CommandLine(new VagrantInventoryCommand(d -> {
            askedFor.add(d);
            return vagrant;
        }, () -> List.of(new ControlAddress.Local("10.79.1.1", 24))));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void writesBothFilesBesideTheVagrantfileByDefault() {
        int code = run(RecordedVagrant.libvirt(dir), "--dir", dir.toString());

        assertThat(code).isZero();
        assertThat(askedFor).containsExactly(dir);
        assertThat(dir.resolve("generated/inventory.yml")).isRegularFile();
        assertThat(dir.resolve("generated/known_hosts")).isRegularFile();
        assertThat(out.toString())
                .contains("pg3      10.79.1.13      3 host key(s)  (Vagrant reaches it at 10.79.0.")
                .contains("next: pgha ping -i " + dir.resolve("generated/inventory.yml"));
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void outAndKnownHostsOptionsChooseTheFiles() {
        Path inv = dir.resolve("x/inv.yml");
        Path kh = dir.resolve("y/kh");

        int code = run(RecordedVagrant.libvirt(dir), "--dir", dir.toString(), "--out", inv.toString(),
                "--known-hosts", kh.toString());

        assertThat(code).isZero();
        assertThat(inv).isRegularFile();
        assertThat(kh).isRegularFile();
    }

    @Test
    void noRunningVmsExitsOneWithTheReason() {
        int code = run(new RecordedVagrant(dir, ""), "--dir", dir.toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).startsWith("pgha vagrant-inventory: no running VMs:");
        assertThat(dir.resolve("generated")).doesNotExist();
    }

    @Test
    void varOptionsReachTheInventory() throws IOException {
        int code = run(RecordedVagrant.libvirt(dir), "--dir", dir.toString(), "--var", "postgresql_version=15",
                "--var", "postgresql_source=distro");

        assertThat(code).isZero();
        assertThat(Files.readString(dir.resolve("generated/inventory.yml")))
                .contains("postgresql_source: distro\n")
                .contains("postgresql_version: '15'\n");
    }

    @Test
    void varWithABadNameIsAUsageErrorAndWritesNothing() {
        int code = run(RecordedVagrant.libvirt(dir), "--dir", dir.toString(), "--var", "pg-version=15");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("'pg-version' is not a variable name");
        assertThat(dir.resolve("generated")).doesNotExist();
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertThat(run(RecordedVagrant.libvirt(dir), "--bogus")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--bogus'");
    }
}
