package io.pgha.transport;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class CommandLinesTest {
    @Test
    void becomeIsSudoNonInteractiveAroundARemoteTimeout() {
        assertThat(CommandLines.exec("systemctl restart patroni", Duration.ofMinutes(1), true, true))
                .isEqualTo("sudo -n -- timeout -k 5 60 sh -c 'systemctl restart patroni'");
    }

    @Test
    void withoutBecomeOrTimeoutItIsJustTheShell() {
        assertThat(CommandLines.exec("echo 'hi'", Duration.ofSeconds(1), false, false))
                .isEqualTo("sh -c 'echo '\"'\"'hi'\"'\"''");
    }

    @Test
    void remoteTimeoutIsWholeSecondsRoundedUp() {
        assertThat(CommandLines.exec("true", Duration.ofMillis(700), false, true)).startsWith("timeout -k 5 1 ");
        assertThat(CommandLines.remoteSeconds(Duration.ofMillis(1001))).isEqualTo(2);
        assertThat(CommandLines.remoteSeconds(Duration.ofMinutes(10))).isEqualTo(600);
    }

    @Test
    void validateCommandGetsTheQuotedStagedPath() {
        RemoteFile file = new RemoteFile("/etc/my app/app.conf", "0640", "postgres", "postgres", true, "check -f %s");

        String script = CommandLines.install("/tmp/.pgha-upload-1", file, "/etc/my app/.app.conf.pgha-1");

        assertThat(script).contains("install -m 0640 -o postgres -g postgres \"$src\" \"$dst\" || exit 97")
                .contains("sh -c 'check -f '\"'\"'/etc/my app/.app.conf.pgha-1'\"'\"'' </dev/null || exit 98")
                .contains("mv -f \"$dst\" '/etc/my app/app.conf' || exit 99");
    }
}
