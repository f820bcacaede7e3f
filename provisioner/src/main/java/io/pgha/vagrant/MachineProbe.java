package io.pgha.vagrant;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What pgha reads from inside one VM over Vagrant's own authenticated channel ({@code vagrant ssh NAME -c}): its
 * SSH host public keys and its address on the private (cluster) network, in one round trip.
 */
public final class MachineProbe {
    /** e.g. {@code 3: eth1    inet 10.79.1.11/24 brd 10.79.1.255 scope global eth1\ valid_lft forever ...}. */
    private static final Pattern IP_ADDR = Pattern.compile("^\\d+:\\s+(\\S+)\\s+inet\\s+(\\d{1,3}(?:\\.\\d{1,3}){3})/(\\d{1,2})\\s.*");

    private final String clusterInterface;

    /** @param clusterInterface the VM's NIC on the private network (eth1: the first private_network) */
    public MachineProbe(String clusterInterface) {
        if (!clusterInterface.matches("[A-Za-z0-9_.-]{1,15}")) {
            throw new VagrantException("'" + clusterInterface + "' is not a network interface name");
        }
        this.clusterInterface = clusterInterface;
    }

    /** The command run inside the VM (no sudo needed: host public keys are world-readable). */
    public String command() {
        return "cat /etc/ssh/ssh_host_*_key.pub; ip -o -4 addr show dev " + clusterInterface;
    }

    public Facts parse(String machine, String output) {
        String where = "VM " + machine;
        List<HostKey> keys = new ArrayList<>();
        String address = null;
        int prefixLength = 0;
        for (String raw : output.split("\r?\n")) {
            String line = raw.strip();
            HostKey.parse(line, where).ifPresent(keys::add);
            Matcher m = IP_ADDR.matcher(line);
            if (address == null && m.matches() && m.group(1).equals(clusterInterface)) {
                address = m.group(2);
                prefixLength = Integer.parseInt(m.group(3));
            }
        }
        if (keys.isEmpty()) {
            throw new VagrantException(where + ": no SSH host key in /etc/ssh/ssh_host_*_key.pub; is sshd installed "
                    + "and started? (`vagrant ssh " + machine + " -c 'ls -l /etc/ssh'`)");
        }
        if (address == null) {
            throw new VagrantException(where + ": no IPv4 address on " + clusterInterface + ", the private network "
                    + "the cluster uses; check the Vagrantfile's private_network and `vagrant ssh " + machine
                    + " -c 'ip -4 addr'`, or name the right NIC with --interface");
        }
        return new Facts(address, prefixLength, keys);
    }

    /**
     * @param clusterAddress the VM's private-network address: members talk to each other on it, and pgha connects
     *                       to it too, so the roles' {@code host_address} is the cluster address
     * @param prefixLength   the prefix length of the private network (24 for 10.79.1.11/24)
     * @param hostKeys       the VM's own host keys
     */
    public record Facts(String clusterAddress, int prefixLength, List<HostKey> hostKeys) {
        public Facts {
            hostKeys = List.copyOf(hostKeys);
        }
    }
}
