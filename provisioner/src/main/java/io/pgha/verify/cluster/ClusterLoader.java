package io.pgha.verify.cluster;

import io.pgha.inventory.Inventory;
import io.pgha.inventory.InventoryException;
import io.pgha.inventory.InventoryLoader;
import io.pgha.inventory.SecretsStore;
import io.pgha.yaml.YamlException;
import io.pgha.yaml.YamlMap;
import io.pgha.yaml.YamlReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Loads the inventory and the secrets file beside it into a {@link ClusterSpec}. Verification only reads
 * secrets: a missing one is an error telling the user to provision first, never a freshly generated value.
 */
public final class ClusterLoader {
    static final List<String> SECRETS = List.of(VarNames.SUPERUSER_PASSWORD, VarNames.REST_PASSWORD,
            VarNames.STATS_PASSWORD);

    public ClusterSpec load(Path inventoryFile, Map<String, String> extraVars) throws InventoryException {
        Inventory inventory = new InventoryLoader().load(inventoryFile, extraVars);
        SecretsStore store = SecretsStore.besideInventory(inventoryFile);
        if (!Files.exists(store.file())) {
            throw new ClusterSpecException("no secrets file " + store.file() + ": run `pgha provision -i "
                    + inventoryFile + "` first (it generates the passwords the cluster uses)");
        }
        List<String> present = storedNames(store.file());
        for (String name : SECRETS) {
            if (!present.contains(name)) {
                throw new ClusterSpecException("secret '" + name + "' is missing from " + store.file()
                        + ": run `pgha provision` first (it generates the secrets), or add it");
            }
        }
        // Dry run: nothing is generated or written, every name is known to be stored.
        Map<String, String> secrets = store.loadOrGenerate(SECRETS, true);
        return new ClusterSpecResolver().resolve(inventory, secrets);
    }

    private static List<String> storedNames(Path file) throws InventoryException {
        try {
            Object content = YamlReader.read(file);
            return content instanceof YamlMap map ? List.copyOf(map.keySet()) : List.of();
        } catch (YamlException e) {
            throw new InventoryException(e);
        }
    }
}
