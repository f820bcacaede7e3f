package io.pgha.cli;

import io.pgha.engine.Redactor;
import io.pgha.inventory.Inventory;
import io.pgha.inventory.InventoryHost;
import io.pgha.transport.ConnectionSpec;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The inventory and host selection, shared by every command that works on hosts. */
final class InventoryOptions {
    @Option(names = {"-i", "--inventory"}, required = true, paramLabel = "FILE",
            description = "Ansible-style YAML inventory (hosts, groups, vars)")
    Path inventory;

    @Option(names = {"-l", "--limit"}, split = ",", paramLabel = "PATTERN",
            description = "only these hosts or groups (comma-separated)")
    List<String> limit = new ArrayList<>();

    /** Key passphrases are secrets too: registered before anything is printed. */
    static void redactPassphrases(Inventory inventory, Redactor redactor) {
        for (InventoryHost host : inventory.hosts()) {
            for (ConnectionSpec spec = host.connection(); spec != null; spec = spec.jump()) {
                redactor.add(spec.passphrase());
            }
        }
    }
}
