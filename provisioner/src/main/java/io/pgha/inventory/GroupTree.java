package io.pgha.inventory;

import io.pgha.yaml.NumericPitfalls;
import io.pgha.yaml.Problem;
import io.pgha.yaml.YamlException;
import io.pgha.yaml.YamlMap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The structure of an Ansible YAML inventory: {@code all: {hosts, children, vars}} nested to any depth, plus
 * top-level groups (children of {@code all}). A group or host may appear in several places; they are merged.
 */
final class GroupTree {
    static final String ALL = "all";
    static final String UNGROUPED = "ungrouped";
    private static final Set<String> GROUP_KEYS = Set.of("hosts", "children", "vars");

    /** A group: its direct hosts and children, its parents, and its inline vars in file order. */
    static final class Group {
        final String name;
        final Set<String> parents = new LinkedHashSet<>();
        final Set<String> children = new LinkedHashSet<>();
        final Set<String> hosts = new LinkedHashSet<>();
        final List<YamlMap> vars = new ArrayList<>();

        Group(String name) {
            this.name = name;
        }
    }

    /** A host as first defined, and its inline vars in file order. */
    static final class HostEntry {
        final String name;
        final Origin origin;
        final List<YamlMap> vars = new ArrayList<>();

        HostEntry(String name, Origin origin) {
            this.name = name;
            this.origin = origin;
        }
    }

    final Map<String, Group> groups = new LinkedHashMap<>();
    final Map<String, HostEntry> hosts = new LinkedHashMap<>();
    private final Map<String, Origin> groupOrigins = new HashMap<>();

    private GroupTree() {
        groups.put(ALL, new Group(ALL));
        groups.put(UNGROUPED, new Group(UNGROUPED));
        link(ALL, UNGROUPED);
    }

    static GroupTree parse(Object root, String file) throws InventoryException {
        if (root == null) {
            throw new InventoryException(Problem.at(file, 0, null, "the inventory is empty",
                    "start with 'all:' and list hosts under 'all: hosts:' (see inventory/example.yml)"));
        }
        if (!(root instanceof YamlMap top)) {
            throw new InventoryException(Problem.at(file, 1, null, "the inventory must be a mapping",
                    "start with 'all:' and list hosts under 'all: hosts:' (see inventory/example.yml)"));
        }
        GroupTree tree = new GroupTree();
        for (Map.Entry<String, Object> entry : top.entrySet()) {
            String key = entry.getKey();
            if (GROUP_KEYS.contains(key)) {
                throw new InventoryException(Problem.in(top, key, "'" + key + ":' cannot be at the top level",
                        "nest it under 'all:', e.g. 'all:' then '  " + key + ":' indented below it"));
            }
            tree.group(key, entry.getValue(), top, key.equals(ALL) ? null : ALL);
        }
        tree.checkNoCycle(ALL, new LinkedHashSet<>());
        tree.fillUngrouped();
        if (tree.hosts.isEmpty()) {
            throw new InventoryException(Problem.at(file, top.line(), null, "the inventory has no hosts",
                    "list hosts under 'all: hosts:' or under a group's 'hosts:'"));
        }
        return tree;
    }

    private void group(String name, Object value, YamlMap owner, String parent) throws InventoryException {
        checkName(name, owner, "group");
        if (hosts.containsKey(name)) {
            throw new InventoryException(Problem.in(owner, name, "a group has the same name as a host",
                    "rename the group or the host; patterns like 'hosts: " + name + "' must be unambiguous"));
        }
        groupOrigins.putIfAbsent(name, Origin.of(owner, name));
        Group group = groups.computeIfAbsent(name, Group::new);
        if (parent != null) {
            link(parent, name);
        }
        if (value == null) {
            return;
        }
        if (!(value instanceof YamlMap body)) {
            throw new InventoryException(Problem.in(owner, name, "a group must be a mapping, not " + describe(value),
                    "if '" + name + "' is a variable, put it under 'vars:'; a group has 'hosts:', 'children:' "
                            + "or 'vars:' indented below its name"));
        }
        for (Map.Entry<String, Object> entry : body.entrySet()) {
            switch (entry.getKey()) {
                case "hosts" -> hosts(group, entry.getValue(), body);
                case "children" -> children(group, entry.getValue(), body);
                case "vars" -> group.vars.add(varsMap(entry.getValue(), body, "vars"));
                default -> throw new InventoryException(Problem.in(body, entry.getKey(),
                        "unknown key in group '" + name + "'",
                        "a group holds only 'hosts:', 'children:' and 'vars:'; put variables under 'vars:'"));
            }
        }
    }

    private void hosts(Group group, Object value, YamlMap owner) throws InventoryException {
        if (value == null) {
            return;
        }
        if (!(value instanceof YamlMap hostMap)) {
            throw new InventoryException(Problem.in(owner, "hosts", "'hosts' must be a mapping, not " + describe(value),
                    "list each host as a key ending with ':' (e.g. '  pg1:'), not as a '- pg1' list item"));
        }
        for (Map.Entry<String, Object> entry : hostMap.entrySet()) {
            List<String> names = HostRange.expand(entry.getKey());
            if (names == null) {
                throw new InventoryException(Problem.in(hostMap, entry.getKey(), "invalid host range",
                        "write a range as name[1:3] or name[01:10:2] or name[a:c]"));
            }
            if (entry.getValue() != null && !(entry.getValue() instanceof YamlMap)) {
                throw new InventoryException(Problem.in(hostMap, entry.getKey(),
                        "host variables must be a mapping, not " + describe(entry.getValue()),
                        "write the host's variables indented below its name, e.g. '" + entry.getKey()
                                + ":' then '  ansible_host: 192.0.2.11'"));
            }
            YamlMap vars = entry.getValue() == null ? null : varsMap(entry.getValue(), hostMap, entry.getKey());
            for (String name : names) {
                checkName(name, hostMap, "host");
                if (groupOrigins.containsKey(name)) {
                    throw new InventoryException(Problem.in(hostMap, entry.getKey(), "a host has the same name as a group",
                            "rename the group or the host; patterns like 'hosts: " + name + "' must be unambiguous"));
                }
                HostEntry host = hosts.computeIfAbsent(name, n -> new HostEntry(n, Origin.of(hostMap, entry.getKey())));
                if (vars != null) {
                    host.vars.add(vars);
                }
                group.hosts.add(name);
            }
        }
    }

    private void children(Group group, Object value, YamlMap owner) throws InventoryException {
        if (value == null) {
            return;
        }
        if (!(value instanceof YamlMap childMap)) {
            throw new InventoryException(Problem.in(owner, "children", "'children' must be a mapping, not " + describe(value),
                    "list each child group as a key ending with ':' (e.g. '  etcd:')"));
        }
        for (Map.Entry<String, Object> entry : childMap.entrySet()) {
            if (entry.getKey().equals(ALL)) {
                throw new InventoryException(Problem.in(childMap, ALL, "'all' cannot be a child group",
                        "'all' is the root that contains every group; use another name"));
            }
            group(entry.getKey(), entry.getValue(), childMap, group.name);
        }
    }

    private static YamlMap varsMap(Object value, YamlMap owner, String key) throws InventoryException {
        if (!(value instanceof YamlMap vars)) {
            if (value == null) {
                return new YamlMap(owner.file(), owner.line(key));
            }
            throw new InventoryException(Problem.in(owner, key, "variables must be a mapping, not " + describe(value),
                    "write one 'name: value' per line, indented below '" + key + ":'"));
        }
        try {
            NumericPitfalls.checkVersions(vars);
        } catch (YamlException e) {
            throw new InventoryException(e);
        }
        return vars;
    }

    private void link(String parent, String child) {
        groups.get(parent).children.add(child);
        groups.get(child).parents.add(parent);
    }

    private void checkNoCycle(String name, Set<String> path) throws InventoryException {
        if (!path.add(name)) {
            Origin origin = groupOrigins.getOrDefault(name, Origin.COMMAND_LINE);
            throw new InventoryException(origin.problem(name,
                    "group cycle: " + String.join(" -> ", path) + " -> " + name,
                    "a group cannot contain itself through its children; remove one of these links"));
        }
        for (String child : groups.get(name).children) {
            checkNoCycle(child, path);
        }
        path.remove(name);
    }

    /** Ansible puts hosts that belong to no group but 'all' into 'ungrouped'. */
    private void fillUngrouped() {
        Set<String> grouped = new LinkedHashSet<>();
        for (Group group : groups.values()) {
            if (!group.name.equals(ALL) && !group.name.equals(UNGROUPED)) {
                grouped.addAll(group.hosts);
            }
        }
        Group ungrouped = groups.get(UNGROUPED);
        for (String host : hosts.keySet()) {
            if (!grouped.contains(host)) {
                ungrouped.hosts.add(host);
            }
        }
    }

    private static void checkName(String name, YamlMap owner, String what) throws InventoryException {
        if (name.isBlank() || name.chars().anyMatch(c -> Character.isWhitespace(c) || c == ',')) {
            throw new InventoryException(Problem.in(owner, name, "invalid " + what + " name",
                    "use letters, digits, '-', '_' and '.' only (no spaces or commas)"));
        }
    }

    static String describe(Object value) {
        if (value instanceof List) {
            return "a list";
        }
        if (value instanceof Map) {
            return "a mapping";
        }
        return value instanceof String ? "the text '" + value + "'" : "the value " + value;
    }
}
