package io.pgha.cli;

import io.pgha.engine.BadInputException;
import io.pgha.engine.HostFacts;
import io.pgha.engine.SecretsSource;
import io.pgha.facts.Fact;
import io.pgha.inventory.Inventory;
import io.pgha.operations.Operation;
import io.pgha.roles.Playbook;
import io.pgha.transport.SshSettings;
import io.pgha.transport.TransportFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The domain services the commands call: loaders, modules, secrets and SSH. One seam, so command
 * tests can run the real commands against test hosts.
 */
public interface Toolkit {

    /** @param extraVars the {@code -e} options as given ({@code key=value} or {@code @file.yml}), the highest precedence */
    Inventory loadInventory(Path file, List<String> extraVars) throws BadInputException;

    Playbook loadPlaybook(Path file, Set<String> moduleNames) throws BadInputException;

    SecretsSource secrets(Inventory inventory);

    /** Module name to module. */
    Map<String, Operation> operations();

    TransportFactory transports(SshSettings settings);

    /** Variables read once from each host when a run connects to it (e.g. {@code ansible_distribution_release}). */
    HostFacts hostFacts();

    /** What {@code pgha ping} reads from each host, and how it is printed. */
    OsProbe<?> osProbe();

    /** A fact and its one-line description. */
    record OsProbe<T>(Fact<T> fact, java.util.function.Function<? super T, String> describe) {
    }
}
