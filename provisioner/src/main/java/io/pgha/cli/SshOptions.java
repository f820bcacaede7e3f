package io.pgha.cli;

import io.pgha.inventory.Inventory;
import io.pgha.inventory.InventoryHost;
import io.pgha.transport.HostKeyPolicy;
import io.pgha.transport.SshSettings;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;

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
        return settings(configuredKnownHosts(inventory));
    }

    /**
     * For commands that read the inventory through their own loader.
     *
     * @param configured the inventory's {@value #KNOWN_HOSTS_VAR}, already resolved against its folder
     */
    SshSettings settings(Optional<Path> configured) {
        Path file = knownHosts != null ? knownHosts
                : configured.orElse(Path.of(System.getProperty("user.home"), ".ssh", "known_hosts"));
        SshSettings defaults = SshSettings.strict(file);
        return new SshSettings(file, acceptNew ? HostKeyPolicy.ACCEPT_NEW : HostKeyPolicy.STRICT,
                defaults.connectTimeout(), defaults.heartbeatInterval());
    }

    private static Optional<Path> configuredKnownHosts(Inventory inventory) {
        for (InventoryHost host : inventory.hosts()) {
            Object configured = host.vars().get(KNOWN_HOSTS_VAR);
            if (configured != null && !configured.toString().isBlank()) {
                Path folder = inventory.file().toAbsolutePath().getParent();
                return Optional.of(folder.resolve(configured.toString()).normalize());
            }
        }
        return Optional.empty();
    }
}
