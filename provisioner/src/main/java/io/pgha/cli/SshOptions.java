package io.pgha.cli;

import io.pgha.inventory.Inventory;
import io.pgha.inventory.InventoryHost;
import io.pgha.transport.HostKeyPolicy;
import io.pgha.transport.SshSettings;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Host key options shared by every command that connects. */
final class SshOptions {
    /** Inventory variable naming the known_hosts file, relative to the inventory (e.g. the lab's own). */
    static final String KNOWN_HOSTS_VAR = "pgha_known_hosts";

    @Option(names = "--known-hosts", paramLabel = "FILE",
            description = "known_hosts file to verify host keys against (default: the inventory's "
                    + KNOWN_HOSTS_VAR + " if set, else ~/.ssh/known_hosts)")
    Path knownHosts;

    @Option(names = "--accept-new-host-keys",
            description = "accept and record keys of hosts not yet in known_hosts (a changed key is always refused)")
    boolean acceptNew;

    SshSettings settings(Inventory inventory) {
        SshSettings defaults = SshSettings.strict(knownHostsFile(inventory));
        return new SshSettings(defaults.knownHosts(), acceptNew ? HostKeyPolicy.ACCEPT_NEW : HostKeyPolicy.STRICT,
                defaults.connectTimeout(), defaults.heartbeatInterval());
    }

    private Path knownHostsFile(Inventory inventory) {
        if (knownHosts != null) {
            return knownHosts;
        }
        for (InventoryHost host : inventory.hosts()) {
            Object configured = host.vars().get(KNOWN_HOSTS_VAR);
            if (configured != null && !configured.toString().isBlank()) {
                Path folder = inventory.file().toAbsolutePath().getParent();
                return folder.resolve(configured.toString()).normalize();
            }
        }
        return Path.of(System.getProperty("user.home"), ".ssh", "known_hosts");
    }
}
