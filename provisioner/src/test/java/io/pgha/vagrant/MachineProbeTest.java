package io.pgha.vagrant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MachineProbeTest {
    private final MachineProbe probe = new MachineProbe("eth1");

    @Test
    void readsRecordedHostKeysAndPrivateAddress() {
        MachineProbe.Facts facts = probe.parse("pg2", Recorded.text("probe-pg2.txt"));

        assertThat(facts.clusterAddress()).isEqualTo("10.79.1.12");
        assertThat(facts.prefixLength()).isEqualTo(24);
        assertThat(facts.hostKeys()).hasSize(3);
    }

    @Test
    void commandReadsPublicKeysAndTheClusterNic() {
        assertThat(probe.command()).isEqualTo("cat /etc/ssh/ssh_host_*_key.pub; ip -o -4 addr show dev eth1");
    }

    @Test
    void addressOfAnotherNicIsNotTheClusterAddress() {
        String output = Recorded.text("probe-pg1.txt").replace(" eth1", " eth0");

        assertThatThrownBy(() -> probe.parse("pg1", output))
                .isInstanceOf(VagrantException.class)
                .hasMessageStartingWith("VM pg1: no IPv4 address on eth1, the private network")
                .hasMessageContaining("--interface");
    }

    @Test
    void toleratesCarriageReturns() {
        MachineProbe.Facts facts = probe.parse("pg1", Recorded.text("probe-pg1.txt").replace("\n", "\r\n"));

        assertThat(facts.clusterAddress()).isEqualTo("10.79.1.11");
        assertThat(facts.hostKeys()).hasSize(3);
    }

    @Test
    void noHostKeyIsAnError() {
        assertThatThrownBy(() -> probe.parse("pg3", "cat: '/etc/ssh/ssh_host_*_key.pub': No such file or directory\n"))
                .hasMessageStartingWith("VM pg3: no SSH host key in /etc/ssh/ssh_host_*_key.pub");
    }

    @Test
    void refusesSomethingThatIsNotAnInterfaceName() {
        assertThatThrownBy(() -> new MachineProbe("eth1; reboot"))
                .hasMessage("'eth1; reboot' is not a network interface name");
    }
}
