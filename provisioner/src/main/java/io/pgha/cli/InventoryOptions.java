package io.pgha.cli;

import io.pgha.engine.Redactor;
import io.pgha.inventory.Inventory;
import io.pgha.inventory.InventoryHost;
import io.pgha.transport.ConnectionSpec;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The inventory option, shared by every command that works on a cluster's hosts. */
final class InventoryOptions {
    @Option(names = {"-i", "--inventory"}, required = true, paramLabel = "FILE",
            description = "Ansible-style YAML inventory (hosts, groups, vars); its secrets file lives beside it")
    Path inventory;

    /** Key passphrases are secrets too: registered before anything is printed. */
    static void redactPassphrases(Inventory inventory, Redactor redactor) {
        for (InventoryHost host : inventory.hosts()) {
            for (ConnectionSpec spec = host.connection(); spec != null; spec = spec.jump()) {
                redactor.add(spec.passphrase());
            }
        }
    }
}
