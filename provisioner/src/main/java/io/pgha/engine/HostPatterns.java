package io.pgha.engine;

import io.pgha.inventory.Inventory;
import io.pgha.inventory.InventoryHost;

import java.util.List;

/**
 * Host patterns of plays and {@code --limit} ({@code etcd}, {@code pg1,pg2}, {@code all:!pg3},
 * {@code pg*}) through {@link Inventory#select}, with a pattern that names nothing turned into bad
 * input that says where the pattern was written.
 */
public final class HostPatterns {
    private HostPatterns() {
    }

    /** The inventory's hosts matching any of the {@code --limit} patterns (all hosts when there is none). */
    public static List<InventoryHost> limit(Inventory inventory, List<String> limit) throws BadInputException {
        if (limit.isEmpty()) {
            return inventory.hosts();
        }
        return select(inventory, "all", String.join(",", limit), "--limit " + String.join(",", limit));
    }

    /**
     * @param limit the joined {@code --limit} patterns, or null
     * @param what  names the pattern's origin for the error message
     * @return host names in inventory order
     */
    static List<String> resolve(String pattern, String limit, Inventory inventory, String what) throws BadInputException {
        return select(inventory, pattern, limit, what).stream().map(InventoryHost::name).toList();
    }

    private static List<InventoryHost> select(Inventory inventory, String pattern, String limit, String what)
            throws BadInputException {
        try {
            return inventory.select(pattern, limit);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(what + ": " + e.getMessage() + " (inventory " + inventory.file() + ")");
        }
    }
}
