package io.pgha.inventory;

import io.pgha.transport.ConnectionSpec;

import java.util.List;
import java.util.Map;

/**
 * One host of the inventory with its connection and its merged variables
 * (all vars &lt; group vars (parents first) &lt; host vars &lt; command-line -e).
 *
 * @param groups the groups the host belongs to, directly or through children
 */
public record InventoryHost(String name, ConnectionSpec connection, List<String> groups, Map<String, Object> vars) {
}
