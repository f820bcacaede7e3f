package io.pgha.transport;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The long-lived command shells behind {@link Transport#exec}: framing, and what happens when things go wrong. */
class SshTransportShellTest extends OneServerFixture {
    /** The pid of the long-lived shell, seen from a command: its parent is timeout(1), whose parent is the shell. */
    private static final String SHELL_PID = "p=$PPID; [ \"$(cat /proc/$p/comm)\" = timeout ] && p=$(cut -d' ' -f4 /proc/$p/stat); echo $p";

    @Test
    void outputWithoutTrailingNewlineComesBackExactly() throws Exception {
        ExecResult result = db1.exec(RemoteCommand.asRoot("printf 'no newline'; printf 'err, none either' >&2"));

        assertThat(result.stdout()).isEqualTo("no newline");
        assertThat(result.stderr()).isEqualTo("err, none either");
        assertThat(db1.exec(RemoteCommand.of("printf '\\n\\n'")).stdout()).isEqualTo("\n\n");
    }

    @Test
    void emptyOutputIsEmpty() throws Exception {
        ExecResult result = db1.exec(RemoteCommand.asRoot("true"));

        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).isEmpty();
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void outputThatLooksLikeAMarkerIsJustOutput() throws Exception {
        String fake = "pgha-end-00112233445566778899aabbccddeeff 0\npgha-ack-00112233445566778899aabbccddeeff 1\n";
        String format = fake.replace("\n", "\\n");
        ExecResult result = db1.exec(RemoteCommand.asRoot("printf '" + format + "'; printf '" + format + "' >&2; exit 4"));

        assertThat(result.stdout()).isEqualTo(fake);
        assertThat(result.stderr()).isEqualTo(fake);
        assertThat(result.exitCode()).isEqualTo(4);
    }

    @Test
    void exitCodesComeBackAsTheyAre() throws Exception {
        for (int code : new int[] {0, 1, 2, 42, 126, 127, 255}) {
            assertThat(db1.exec(RemoteCommand.asRoot("exit " + code)).exitCode()).isEqualTo(code);
            assertThat(db1.exec(RemoteCommand.of("exit " + code)).exitCode()).isEqualTo(code);
        }
    }

    @Test
    void largeOutputOnBothStreamsArrivesWhole() throws Exception {
        ExecResult result = db1.exec(RemoteCommand.of(
                "head -c 1048576 /dev/zero | tr '\\0' o; head -c 1048576 /dev/zero | tr '\\0' e >&2; echo end"));

        assertThat(result.stdout()).hasSize(1048576 + 4).startsWith("ooo").endsWith("oend\n");
        assertThat(result.stderr()).hasSize(1048576).matches("e+");
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void exitCdExportAndExecInAScriptDoNotTouchTheShell() throws Exception {
        String shell = db1.exec(RemoteCommand.asRoot(SHELL_PID)).stdout();
        String home = db1.exec(RemoteCommand.asRoot("pwd")).stdout();

        assertThat(db1.exec(RemoteCommand.asRoot("cd /; export PGHA_LEAK=1; umask 077; exit 7")).exitCode()).isEqualTo(7);
        assertThat(db1.exec(RemoteCommand.asRoot("exec echo replaced")).stdout()).isEqualTo("replaced\n");
        assertThat(db1.exec(RemoteCommand.asRoot("pwd; echo \"leak:$PGHA_LEAK\"")).stdout())
                .isEqualTo(home + "leak:\n");
        assertThat(db1.exec(RemoteCommand.asRoot(SHELL_PID)).stdout()).isEqualTo(shell);
    }

    @Test
    void manyCommandsInSequenceRunInOneShellPerPrivilege() throws Exception {
        Set<String> rootShells = new HashSet<>();
        Set<String> userShells = new HashSet<>();
        for (int i = 0; i < 25; i++) {
            ExecResult root = db1.exec(RemoteCommand.asRoot("echo " + i + "; " + SHELL_PID));
            ExecResult user = db1.exec(RemoteCommand.of("echo " + i + " >&2; " + SHELL_PID));
            assertThat(root.stdout()).startsWith(i + "\n");
            assertThat(user.stderr()).isEqualTo(i + "\n");
            rootShells.add(root.stdout().substring(root.stdout().indexOf('\n') + 1));
            userShells.add(user.stdout());
        }

        assertThat(rootShells).hasSize(1);
        assertThat(userShells).hasSize(1).doesNotContainAnyElementsOf(rootShells);
    }

    @Test
    void aTimedOutCommandIsKilledAndTheNextOneGetsAFreshShell() throws Exception {
        String before = db1.exec(RemoteCommand.of(SHELL_PID)).stdout();
        Path marker = dir.resolve("not-killed");
        long start = System.nanoTime();

        assertThatThrownBy(() -> db1.exec(RemoteCommand.of("sleep 2; touch " + marker).withTimeout(Duration.ofMillis(500))))
                .isInstanceOf(TransportException.class)
                .hasMessage("db1: command timed out after 0.5s and was stopped");

        assertThat(db1.exec(RemoteCommand.of("echo next")).stdout()).isEqualTo("next\n");
        assertThat(db1.exec(RemoteCommand.of(SHELL_PID)).stdout()).isNotEqualTo(before);
        Thread.sleep(Math.max(0, 2500 - Duration.ofNanos(System.nanoTime() - start).toMillis()));
        assertThat(marker).as("the timed out command must have been killed").doesNotExist();
    }

    @Test
    void aCommandThatKillsItsShellFailsAndTheNextCommandWorks() throws Exception {
        assertThatThrownBy(() -> db1.exec(RemoteCommand.asRoot("kill -KILL $(" + SHELL_PID + ")")))
                .isInstanceOf(TransportException.class)
                .hasMessageStartingWith("db1: ")
                .hasMessageContaining("while running a command");

        assertThat(db1.exec(RemoteCommand.asRoot("echo alive")).stdout()).isEqualTo("alive\n");
    }

    @Test
    void aShellKilledBetweenCommandsIsReplacedWithoutLosingTheCommand() throws Exception {
        String shell = db1.exec(RemoteCommand.of(SHELL_PID)).stdout().strip();
        // Killed from outside (not by the command itself), as an OOM killer or an admin would.
        new ProcessBuilder("kill", "-KILL", shell).start().waitFor();
        Thread.sleep(200);

        assertThat(db1.exec(RemoteCommand.of("echo after")).stdout()).isEqualTo("after\n");
    }

    @Test
    void aNewTransportWhoseSudoWantsAPasswordFailsWithTheFixThenWorksOnceFixed() throws Exception {
        server.requireSudoPassword(true);
        try (Transport fresh = factory.open(lab.spec("db1", server))) {
            assertThatThrownBy(() -> fresh.exec(RemoteCommand.asRoot("true")))
                    .isInstanceOf(TransportException.class)
                    .hasMessageStartingWith("sudo requires a password for admin on db1: configure NOPASSWD");
            assertThat(fresh.exec(RemoteCommand.of("echo user")).stdout()).isEqualTo("user\n");

            server.requireSudoPassword(false);
            assertThat(fresh.exec(RemoteCommand.asRoot("echo \"root:$SUDO_USER\"")).stdout()).isEqualTo("root:admin\n");
        }
    }
}
