package io.pgha.engine;

import io.pgha.inventory.Inventory;
import io.pgha.inventory.InventoryHost;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Resolves host patterns ({@code etcd}, {@code pg1,pg2}, {@code all}) against an inventory. */
public final class HostPatterns {
    private HostPatterns() {
    }

    /** The inventory's hosts matching any of the {@code --limit} patterns (all hosts when there is none). */
    public static List<InventoryHost> limit(Inventory inventory, List<String> limit) throws BadInputException {
        if (limit.isEmpty()) {
            return inventory.hosts();
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (String pattern : limit) {
            wanted.addAll(resolve(pattern, inventory, "--limit"));
        }
        return inventory.hosts().stream().filter(h -> wanted.contains(h.name())).toList();
    }

    /**
     * @param what names the pattern's origin for the error message, e.g. {@code --limit}
     * @return host names in inventory order
     */
    static List<String> resolve(String pattern, Inventory inventory, String what) throws BadInputException {
        Set<String> wanted = new LinkedHashSet<>();
        for (String name : pattern.split("[,:]")) {
            String trimmed = name.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (inventory.groups().containsKey(trimmed)) {
                wanted.addAll(inventory.groups().get(trimmed));
            } else if (inventory.hosts().stream().anyMatch(h -> h.name().equals(trimmed))) {
                wanted.add(trimmed);
            } else {
                throw new BadInputException(what + ": '" + trimmed + "' is neither a host nor a group of "
                        + inventory.file() + " (groups: " + String.join(", ", inventory.groups().keySet()) + ")");
            }
        }
        List<String> ordered = new ArrayList<>();
        for (InventoryHost host : inventory.hosts()) {
            if (wanted.contains(host.name())) {
                ordered.add(host.name());
            }
        }
        return ordered;
    }
}
