package io.pgha.vagrant;

import java.nio.file.Path;
import java.util.List;

/**
 * One {@code Host} block of {@code vagrant ssh-config}: how Vagrant itself reaches a running machine.
 *
 * @param machine       the Vagrant machine name (the block's {@code Host})
 * @param hostName      address Vagrant connects to (management network, or 127.0.0.1 with a forwarded port)
 * @param port          SSH port (22 on libvirt; a forwarded port such as 2222 on VirtualBox)
 * @param user          login user
 * @param identityFiles private key files, in the order Vagrant tries them
 * @param line          line of the {@code Host} keyword, for messages
 */
public record SshConfigEntry(String machine, String hostName, int port, String user, List<Path> identityFiles,
                             int line) {
    public SshConfigEntry {
        identityFiles = List.copyOf(identityFiles);
    }
}
