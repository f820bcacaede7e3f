package io.pgha.cli;

import io.pgha.engine.BadInputException;
import io.pgha.engine.FakeFleet;
import io.pgha.engine.HostFacts;
import io.pgha.engine.SecretsSource;
import io.pgha.engine.TestOperations;
import io.pgha.facts.Fact;
import io.pgha.inventory.Inventory;
import io.pgha.operations.Operation;
import io.pgha.roles.Playbook;
import io.pgha.transport.SshSettings;
import io.pgha.transport.TransportFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Serves the commands a fixed inventory and playbook over fake hosts; a file that does not
 * exist is bad input, as the real loaders say.
 */
final class TestToolkit implements Toolkit {
    final FakeFleet fleet = new FakeFleet("pg1", "pg2");
    final Inventory inventory;
    final Playbook playbook;
    final List<Path> playbooksLoaded = new ArrayList<>();
    List<String> extraVarsSeen;
    SshSettings settingsSeen;
    Map<String, String> secrets = Map.of();

    TestToolkit(Inventory inventory, Playbook playbook) {
        this.inventory = inventory;
        this.playbook = playbook;
    }

    @Override
    public Inventory loadInventory(Path file, List<String> extraVars) throws BadInputException {
        if (!Files.exists(file)) {
            throw new BadInputException(file + ": no such inventory file");
        }
        extraVarsSeen = extraVars;
        return new Inventory(file, inventory.hosts(), inventory.groups());
    }

    @Override
    public Playbook loadPlaybook(Path file, Set<String> moduleNames) {
        playbooksLoaded.add(file);
        return playbook;
    }

    @Override
    public SecretsSource secrets(Inventory loaded) {
        return (names, dryRun) -> secrets;
    }

    @Override
    public Map<String, Operation> operations() {
        return TestOperations.all();
    }

    @Override
    public TransportFactory transports(SshSettings settings) {
        settingsSeen = settings;
        return fleet;
    }

    @Override
    public HostFacts hostFacts() {
        return (transport, become) -> Map.of("ansible_distribution_release", "bookworm");
    }

    @Override
    public OsProbe<?> osProbe() {
        Fact<String> os = new Fact<>() {
            public String command() {
                return "cat /etc/os-release";
            }

            public String parse(io.pgha.transport.ExecResult result) {
                return result.ok() ? result.stdout().strip() : "unknown";
            }
        };
        return new OsProbe<>(os, value -> "OS " + value);
    }
}
