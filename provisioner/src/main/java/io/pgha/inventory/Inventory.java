package io.pgha.inventory;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A loaded, validated inventory.
 *
 * @param file   the inventory file (secrets and reports are kept beside it)
 * @param hosts  hosts in file order
 * @param groups group name to host names (in file order), including {@code all}
 */
public record Inventory(Path file, List<InventoryHost> hosts, Map<String, List<String>> groups) {
}
