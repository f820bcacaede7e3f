package io.pgha.vagrant;

import java.nio.file.Path;
import java.util.List;

/**
 * A running VM as pgha will use it.
 *
 * @param name           Vagrant machine name, used as the inventory host name
 * @param address        private-network address: pgha connects to it and the cluster members use it
 * @param user           login user (from ssh-config)
 * @param privateKey     the machine's private key that Vagrant generated (from ssh-config)
 * @param vagrantAddress where Vagrant itself connects (management network or a forwarded localhost port)
 * @param hostKeys       the VM's own host keys, read over Vagrant's authenticated channel
 */
public record VagrantMember(String name, String address, String user, Path privateKey, String vagrantAddress,
                            List<HostKey> hostKeys) {
    /** sshd's port inside the guest; Vagrant's ssh-config may show a forwarded host port (VirtualBox) instead. */
    public static final int GUEST_SSH_PORT = 22;

    public VagrantMember {
        hostKeys = List.copyOf(hostKeys);
    }
}
