package io.pgha.vagrant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Runs VagrantCli against a stand-in {@code vagrant} executable that replays recorded output. */
class VagrantCliTest {
    @TempDir
    Path dir;
    Path executable;

    @BeforeEach
    void vagrantfile() throws IOException {
        Files.writeString(dir.resolve("Vagrantfile"), "# test\n");
        executable = dir.resolve("vagrant-stand-in");
    }

    private void standIn(String script) throws IOException {
        Files.writeString(executable, "#!/bin/sh\n" + script);
        Files.setPosixFilePermissions(executable, PosixFilePermissions.fromString("rwx------"));
    }

    private VagrantCli cli(Duration timeout) {
        return new VagrantCli(dir, executable.toString(), timeout);
    }

    @Test
    void passesArgumentsRunsInTheVagrantFolderAndReturnsStdout() throws IOException {
        standIn("echo \"cwd=$(pwd) args=$*\"; echo noise >&2\n");

        assertThat(cli(Duration.ofSeconds(30)).sshConfig(List.of("pg1", "pg2")))
                .isEqualTo("cwd=" + dir.toRealPath() + " args=ssh-config pg1 pg2\n");
        assertThat(cli(Duration.ofSeconds(30)).ssh("pg1", "cat /etc/hostname"))
                .isEqualTo("cwd=" + dir.toRealPath() + " args=ssh pg1 --no-tty -c cat /etc/hostname\n");
    }

    @Test
    void machinesNotCreatedGiveVagrantsReasonAndTheFix() throws IOException {
        Path stderr = dir.resolve("stderr.txt");
        Files.writeString(stderr, Recorded.text("ssh-config-not-created.stderr.txt"));
        standIn("cat '" + stderr + "' >&2; exit 1\n");

        assertThatThrownBy(() -> cli(Duration.ofSeconds(30)).sshConfig(List.of()))
                .isInstanceOf(VagrantException.class)
                .hasMessageStartingWith("`" + executable + " ssh-config` failed (exit 1) in " + dir
                        + ": The provider for this Vagrant-managed machine is reporting that it is not yet ready for SSH.")
                .hasMessageEndingWith("Are the VMs running? Start them with `vagrant up` in " + dir
                        + ", or name only the running ones");
    }

    @Test
    void hangingVagrantIsStoppedAtTheDeadline() throws IOException {
        standIn("exec sleep 30\n");

        assertThatThrownBy(() -> cli(Duration.ofSeconds(1)).ssh("pg2", "true"))
                .hasMessageStartingWith("`" + executable + " ssh pg2 --no-tty -c true` did not finish within 1 s. "
                        + "Is pg2 running?");
    }

    @Test
    void missingExecutableSaysHowToInstallVagrant() {
        assertThatThrownBy(() -> new VagrantCli(dir, dir.resolve("no-such-vagrant").toString(), Duration.ofSeconds(5))
                .sshConfig(List.of()))
                .hasMessageContaining("cannot run `" + dir.resolve("no-such-vagrant") + "`")
                .hasMessageContaining("Install Vagrant");
    }

    @Test
    void folderWithoutVagrantfileIsRefused() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));

        assertThatThrownBy(() -> VagrantCli.in(empty))
                .hasMessageStartingWith("no Vagrantfile in " + empty);
    }
}
