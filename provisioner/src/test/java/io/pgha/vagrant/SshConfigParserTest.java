package io.pgha.vagrant;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SshConfigParserTest {
    private final SshConfigParser parser = new SshConfigParser();

    @Test
    void readsEveryMachineOfRecordedLibvirtOutput() {
        List<SshConfigEntry> entries = parser.parse(Recorded.text("ssh-config-libvirt.txt"), "recorded");

        assertThat(entries).extracting(SshConfigEntry::machine).containsExactly("pg1", "pg2", "pg3");
        SshConfigEntry pg1 = entries.get(0);
        assertThat(pg1.hostName()).matches("10\\.79\\.0\\.\\d+");
        assertThat(pg1.port()).isEqualTo(22);
        assertThat(pg1.user()).isEqualTo("vagrant");
        assertThat(pg1.identityFiles()).containsExactly(
                Path.of(Recorded.RECORDED_DIR, ".vagrant/machines/pg1/libvirt/private_key"));
        assertThat(entries.get(2).line()).isGreaterThan(entries.get(1).line());
    }

    @Test
    void readsVirtualBoxStyleForwardedPortQuotedPathsAndEqualsSigns() {
        String text = """
                Host pg1
                  HostName 127.0.0.1
                  User vagrant
                  Port 2222
                  IdentityFile "/home/me/my vms/.vagrant/machines/pg1/virtualbox/private_key"
                  IdentityFile /home/me/.vagrant.d/insecure_private_key
                Host pg2
                  HostName=127.0.0.1
                  user vagrant
                  Port=2200
                  identityfile /k2
                """;

        List<SshConfigEntry> entries = parser.parse(text, "t");

        assertThat(entries.get(0).port()).isEqualTo(2222);
        assertThat(entries.get(0).identityFiles()).containsExactly(
                Path.of("/home/me/my vms/.vagrant/machines/pg1/virtualbox/private_key"),
                Path.of("/home/me/.vagrant.d/insecure_private_key"));
        assertThat(entries.get(1).hostName()).isEqualTo("127.0.0.1");
        assertThat(entries.get(1).port()).isEqualTo(2200);
        assertThat(entries.get(1).user()).isEqualTo("vagrant");
    }

    @Test
    void emptyOutputHasNoMachines() {
        assertThat(parser.parse("\n", "t")).isEmpty();
    }

    @Test
    void missingHostNameNamesTheMachineAndLine() {
        String text = "Host pg1\n  HostName 10.79.0.2\n  User vagrant\n  IdentityFile /k\n\nHost pg2\n  User vagrant\n";

        assertThatThrownBy(() -> parser.parse(text, "`vagrant ssh-config` in /v"))
                .isInstanceOf(VagrantException.class)
                .hasMessageContaining("`vagrant ssh-config` in /v, Host pg2 (line 6): no HostName")
                .hasMessageContaining("vagrant up pg2");
    }

    @Test
    void missingIdentityFileIsAnError() {
        assertThatThrownBy(() -> parser.parse("Host pg1\n HostName h\n User u\n", "t"))
                .hasMessageContaining("Host pg1 (line 1): no IdentityFile");
    }

    @Test
    void textBeforeAnyHostIsNotSshConfig() {
        assertThatThrownBy(() -> parser.parse("The provider for this Vagrant-managed machine is not ready\n", "t"))
                .hasMessageContaining("t, line 1:")
                .hasMessageContaining("before any 'Host' line");
    }

    @Test
    void badPortNamesTheLine() {
        assertThatThrownBy(() -> parser.parse("Host pg1\n  Port 99999\n", "t"))
                .hasMessageContaining("t, line 2: Port '99999' is not a TCP port");
    }
}
