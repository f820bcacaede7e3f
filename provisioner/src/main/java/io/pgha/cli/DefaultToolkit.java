package io.pgha.cli;

import io.pgha.engine.BadInputException;
import io.pgha.engine.HostFacts;
import io.pgha.engine.SecretsSource;
import io.pgha.facts.OsFact;
import io.pgha.facts.OsInfo;
import io.pgha.inventory.ExtraVars;
import io.pgha.inventory.Inventory;
import io.pgha.inventory.InventoryException;
import io.pgha.inventory.InventoryLoader;
import io.pgha.inventory.SecretsStore;
import io.pgha.operations.Operation;
import io.pgha.operations.Operations;
import io.pgha.roles.Playbook;
import io.pgha.roles.PlaybookLoader;
import io.pgha.roles.RoleException;
import io.pgha.transport.RemoteCommand;
import io.pgha.transport.SshSettings;
import io.pgha.transport.SshTransportFactory;
import io.pgha.transport.TransportFactory;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The real services: YAML loaders, the built-in modules, the secrets file and MINA SSHD. */
final class DefaultToolkit implements Toolkit {
    private final Operations operations = Operations.builtIn();

    @Override
    public Inventory loadInventory(Path file, List<String> extraVars) throws BadInputException {
        try {
            return new InventoryLoader().load(file, ExtraVars.parse(extraVars));
        } catch (InventoryException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    @Override
    public Playbook loadPlaybook(Path file, Set<String> moduleNames) throws BadInputException {
        try {
            return new PlaybookLoader(moduleNames).load(file);
        } catch (RoleException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    @Override
    public SecretsSource secrets(Inventory inventory) {
        SecretsStore store = SecretsStore.besideInventory(inventory.file());
        return (names, dryRun) -> {
            try {
                return store.loadOrGenerate(names, dryRun);
            } catch (InventoryException e) {
                throw new BadInputException(e.getMessage());
            }
        };
    }

    @Override
    public Map<String, Operation> operations() {
        Map<String, Operation> byName = new LinkedHashMap<>();
        operations.names().forEach(name -> byName.put(name, operations.get(name)));
        return byName;
    }

    @Override
    public TransportFactory transports(SshSettings settings) {
        return new SshTransportFactory(settings);
    }

    /** Ansible's names for the OS facts roles use, read with the same probe as {@code pgha ping}. */
    @Override
    public HostFacts hostFacts() {
        OsFact fact = new OsFact();
        return (transport, become) -> {
            OsInfo os = fact.parse(transport.exec(RemoteCommand.of(fact.command()).withBecome(become)));
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("ansible_distribution", capitalized(os.id()));
            facts.put("ansible_distribution_release", os.versionCodename());
            facts.put("ansible_kernel", os.kernel());
            facts.put("ansible_virtualization_type", os.virtualization());
            return facts;
        };
    }

    private static String capitalized(String id) {
        return id.isEmpty() ? id : Character.toUpperCase(id.charAt(0)) + id.substring(1);
    }

    @Override
    public OsProbe<?> osProbe() {
        return new OsProbe<>(new OsFact(), OsInfo::summary);
    }
}
