package io.pgha.vagrant;

import java.util.List;

/** known_hosts lines for the members, keyed by the address pgha connects to (OpenSSH's format). */
public final class KnownHostsFile {

    public String render(List<VagrantMember> members) {
        StringBuilder sb = new StringBuilder();
        for (VagrantMember m : members) {
            // Port 22 (GUEST_SSH_PORT) is written without OpenSSH's [address]:port form.
            for (HostKey key : m.hostKeys()) {
                sb.append(m.address()).append(' ').append(key.type()).append(' ').append(key.base64()).append('\n');
            }
        }
        return sb.toString();
    }
}
