package io.pgha.vagrant;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ControlAddressTest {
    /** This machine as measured with the VMs up: eth0, the lab's bridge, libvirt's two bridges. */
    private static final List<ControlAddress.Local> HERE = List.of(
            new ControlAddress.Local("127.0.0.1", 8),
            new ControlAddress.Local("172.17.0.2", 16),
            new ControlAddress.Local("10.88.0.1", 24),
            new ControlAddress.Local("10.79.0.1", 24),
            new ControlAddress.Local("10.79.1.1", 24));

    @Test
    void findsTheBridgeAddressInsideTheMembersNetwork() {
        assertThat(ControlAddress.find("10.79.1.12", 24, HERE)).contains("10.79.1.1");
    }

    @Test
    void theNeighbouringNetworkIsNotTheMembers() {
        assertThat(ControlAddress.find("10.79.1.12", 24, HERE.subList(0, 4))).isEmpty();
    }

    @Test
    void honoursOtherPrefixLengths() {
        List<ControlAddress.Local> vbox = List.of(new ControlAddress.Local("192.168.56.1", 21));

        assertThat(ControlAddress.find("192.168.60.11", 21, vbox)).contains("192.168.56.1");
        assertThat(ControlAddress.find("192.168.64.11", 21, vbox)).isEmpty();
    }

    @Test
    void theMembersOwnAddressIsNotThisMachines() {
        assertThat(ControlAddress.find("10.79.1.11", 24, List.of(new ControlAddress.Local("10.79.1.11", 24))))
                .isEmpty();
    }

    @Test
    void thisMachineHasAtLeastLoopback() {
        assertThat(ControlAddress.ofThisMachine()).contains(new ControlAddress.Local("127.0.0.1", 8));
    }

    @Test
    void refusesANameThatIsNotAnIpv4Address() {
        assertThatThrownBy(() -> ControlAddress.find("::1", 24, HERE))
                .isInstanceOf(VagrantException.class)
                .hasMessage("'::1' is not an IPv4 address");
    }
}
