package io.pgha.vagrant;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * This machine's own address on the VMs' private network (libvirt's bridge or VirtualBox's host-only adapter,
 * e.g. 10.79.1.1). pgha verify and the drills connect to PostgreSQL on the members from it, so the inventory lets
 * it through pg_hba ({@code postgresql_client_networks}), as the lab does with its bridge address.
 */
public final class ControlAddress {
    /** One IPv4 address of a local interface, with the prefix length of its network. */
    public record Local(String address, int prefixLength) {
    }

    /**
     * @param memberAddress a VM's private-network address
     * @param prefixLength  the prefix length of that network, as the VM sees it
     * @param locals        this machine's IPv4 addresses
     * @return the local address inside the VM's network, if this machine has one
     */
    public static Optional<String> find(String memberAddress, int prefixLength, List<Local> locals) {
        int member = toInt(memberAddress);
        int mask = mask(prefixLength);
        return locals.stream()
                .filter(l -> (toInt(l.address()) & mask) == (member & mask) && toInt(l.address()) != member)
                .map(Local::address)
                .findFirst();
    }

    /** The IPv4 addresses of this machine's interfaces that are up. */
    public static List<Local> ofThisMachine() {
        List<Local> locals = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp()) {
                    continue;
                }
                for (InterfaceAddress a : nic.getInterfaceAddresses()) {
                    if (a.getAddress() instanceof Inet4Address v4) {
                        locals.add(new Local(v4.getHostAddress(), a.getNetworkPrefixLength()));
                    }
                }
            }
        } catch (SocketException e) {
            throw new VagrantException("cannot list this machine's network interfaces: " + e.getMessage(), e);
        }
        return locals;
    }

    private static int mask(int prefixLength) {
        return prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
    }

    private static int toInt(String ipv4) {
        try {
            byte[] b = InetAddress.getByName(ipv4).getAddress();
            if (b.length != 4) {
                throw new VagrantException("'" + ipv4 + "' is not an IPv4 address");
            }
            return (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | (b[3] & 0xff);
        } catch (UnknownHostException e) {
            throw new VagrantException("'" + ipv4 + "' is not an IPv4 address", e);
        }
    }

    private ControlAddress() {
    }
}
