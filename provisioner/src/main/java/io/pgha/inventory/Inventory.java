package io.pgha.inventory;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded, validated inventory.
 *
 * @param file   the inventory file (secrets and reports are kept beside it)
 * @param hosts  hosts in file order
 * @param groups group name to host names (in file order), including {@code all} and {@code ungrouped}
 */
public record Inventory(Path file, List<InventoryHost> hosts, Map<String, List<String>> groups) {

    /** The host named {@code name}, if the inventory has it. */
    public Optional<InventoryHost> host(String name) {
        return hosts.stream().filter(h -> h.name().equals(name)).findFirst();
    }

    /**
     * Hosts matching an Ansible host pattern ({@code etcd}, {@code pg1,pg2}, {@code all:!pg3}, {@code pg*},
     * {@code postgres:&etcd}), in inventory order.
     *
     * @throws IllegalArgumentException naming the unknown group or host, which is usually a typo
     */
    public List<InventoryHost> select(String pattern) {
        List<String> names = HostPattern.select(this, pattern);
        return hosts.stream().filter(h -> names.contains(h.name())).toList();
    }

    /** Hosts matching {@code pattern} and, when {@code limit} is not null, also {@code limit} ({@code --limit}). */
    public List<InventoryHost> select(String pattern, String limit) {
        List<InventoryHost> selected = select(pattern);
        if (limit == null) {
            return selected;
        }
        List<String> limited = HostPattern.select(this, limit);
        return selected.stream().filter(h -> limited.contains(h.name())).toList();
    }
}
