package io.pgha.transport;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

class SshTransportExecTest extends OneServerFixture {
    @Test
    void keepsExitCodeAndBothStreamsApart() throws Exception {
        ExecResult result = db1.exec(RemoteCommand.of("echo out; echo err >&2; exit 3"));

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stdout()).isEqualTo("out\n");
        assertThat(result.stderr()).isEqualTo("err\n");
        assertThat(result.ok()).isFalse();
        assertThat(db1.hostName()).isEqualTo("db1");
    }

    @Test
    void stderrWithExitZeroIsASuccess() throws Exception {
        ExecResult result = db1.exec(RemoteCommand.of("echo warning >&2"));

        assertThat(result.ok()).isTrue();
        assertThat(result.stderr()).isEqualTo("warning\n");
    }

    @Test
    void decodesUtf8() throws Exception {
        ExecResult result = db1.exec(RemoteCommand.of("printf 'grüße ✓\\n'; printf 'ошибка ✗\\n' >&2"));

        assertThat(result.stdout()).isEqualTo("grüße ✓\n");
        assertThat(result.stderr()).isEqualTo("ошибка ✗\n");
    }

    @Test
    void scriptReachesTheShellLiterallyThroughAllWrapping() throws Exception {
        String script = "printf '%s|' \"it's\" '$HOME' \"a  b\" `echo x`";

        assertThat(db1.exec(RemoteCommand.of(script)).stdout()).isEqualTo("it's|$HOME|a  b|x|");
        assertThat(db1.exec(RemoteCommand.asRoot(script)).stdout()).isEqualTo("it's|$HOME|a  b|x|");
    }

    @Test
    void stdinIsClosedSoPromptsDoNotHang() throws Exception {
        ExecResult result = db1.exec(RemoteCommand.of("cat; echo done").withTimeout(Duration.ofSeconds(5)));

        assertThat(result.stdout()).isEqualTo("done\n");
    }

    @Test
    void becomeRunsThroughSudoNonInteractive() throws Exception {
        assertThat(db1.exec(RemoteCommand.asRoot("echo \"via:$SUDO_USER\"")).stdout()).isEqualTo("via:admin\n");
        assertThat(db1.exec(RemoteCommand.of("echo \"via:$SUDO_USER\"")).stdout()).isEqualTo("via:\n");
    }

    @Test
    void sudoAskingForAPasswordFailsFastWithTheFix() throws Exception {
        server.requireSudoPassword(true);

        // A new connection: sudo is asked once per connection, when its root shell starts.
        try (Transport fresh = factory.open(lab.spec("db1", server))) {
            assertThatThrownBy(() -> fresh.exec(RemoteCommand.asRoot("true")))
                    .isInstanceOf(TransportException.class)
                    .hasMessageStartingWith("sudo requires a password for admin on db1: configure NOPASSWD");
        }
    }

    @Test
    void timeoutStopsTheRemoteCommandAndTheSessionStaysUsable() throws Exception {
        Path marker = dir.resolve("not-stopped");
        long start = System.nanoTime();
        assertThatThrownBy(() -> db1.exec(RemoteCommand.asRoot("sleep 3; touch " + marker)
                .withTimeout(Duration.ofMillis(700))))
                .isInstanceOf(TransportException.class)
                .isNotInstanceOf(UnreachableException.class)
                .hasMessage("db1: command timed out after 0.7s and was stopped");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));

        assertThat(db1.exec(RemoteCommand.of("echo still here")).stdout()).isEqualTo("still here\n");
        Thread.sleep(Math.max(0, 3500 - Duration.ofNanos(System.nanoTime() - start).toMillis()));
        assertThat(marker).as("the remote command must have been killed").doesNotExist();
    }

    @Test
    void reconnectsOnceWhenTheSessionDropped() throws Exception {
        assertThat(db1.exec(RemoteCommand.of("echo before")).ok()).isTrue();
        server.dropSessions();
        Thread.sleep(200);

        assertThat(db1.exec(RemoteCommand.of("echo after")).stdout()).isEqualTo("after\n");
    }

    @Test
    void missingSudoIsNamed() throws Exception {
        boolean sudoOnThisMachine = Arrays.stream(System.getenv("PATH").split(":"))
                .anyMatch(d -> Files.isExecutable(Path.of(d, "sudo")));
        assumeFalse(sudoOnThisMachine, "needs a machine without sudo");
        Path shim = server.binDir.resolve("sudo");
        Path aside = server.binDir.resolve("sudo.aside");
        Files.move(shim, aside);
        try (Transport fresh = factory.open(lab.spec("db1", server))) {
            assertThatThrownBy(() -> fresh.exec(RemoteCommand.asRoot("true")))
                    .isInstanceOf(TransportException.class)
                    .hasMessage("sudo is not installed on db1: install it, or connect as root");
        } finally {
            Files.move(aside, shim);
        }
    }
}
