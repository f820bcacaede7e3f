package io.pgha.inventory;

import io.pgha.transport.ConnectionSpec;
import io.pgha.yaml.Problem;
import io.pgha.yaml.YamlException;
import io.pgha.yaml.YamlMap;
import io.pgha.yaml.YamlReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads an Ansible YAML inventory with its {@code group_vars/} and {@code host_vars/} folders, merges each host's
 * variables in Ansible's order and resolves its SSH connection. Every check happens here, before any connection.
 *
 * <p>Precedence, lowest first: {@code all} vars, {@code group_vars/all}, other groups' vars (parents before
 * children, siblings by name; inline before {@code group_vars/}), host vars, {@code host_vars/}, extra vars.
 */
public final class InventoryLoader {
    private final String defaultUser;
    private final Path defaultKey;

    public InventoryLoader() {
        this(System.getProperty("user.name"), ConnectionResolver.defaultKey());
    }

    /** For tests: the login user and key file used when the inventory names none. */
    InventoryLoader(String defaultUser, Path defaultKey) {
        this.defaultUser = defaultUser;
        this.defaultKey = defaultKey;
    }

    public Inventory load(Path inventoryFile, Map<String, String> extraVars) throws InventoryException {
        String file = inventoryFile.toString();
        GroupTree tree;
        try {
            tree = GroupTree.parse(YamlReader.read(inventoryFile), file);
        } catch (YamlException e) {
            throw new InventoryException(e);
        }
        Path folder = inventoryFile.getParent() == null ? Path.of("") : inventoryFile.getParent();
        Map<String, List<YamlMap>> groupFiles = VarsFolder.read(folder.resolve("group_vars"), tree.groups.keySet(), "group");
        Map<String, List<YamlMap>> hostFiles = VarsFolder.read(folder.resolve("host_vars"), tree.hosts.keySet(), "host");

        Map<String, Set<String>> members = members(tree);
        List<String> groupOrder = precedenceOrder(tree);
        ConnectionResolver resolver = new ConnectionResolver(folder.toAbsolutePath(), defaultUser, defaultKey);
        List<InventoryHost> hosts = new ArrayList<>();
        for (GroupTree.HostEntry entry : tree.hosts.values()) {
            List<String> groups = groupOrder.stream().filter(g -> members.get(g).contains(entry.name)).toList();
            HostVars vars = new HostVars();
            addGroupLayers(vars, groups, tree, groupFiles);
            entry.vars.forEach(vars::add);
            hostFiles.getOrDefault(entry.name, List.of()).forEach(vars::add);
            vars.addCommandLine(extraVars);
            ConnectionSpec connection = resolver.resolve(entry.name, vars);
            Map<String, Object> values = new LinkedHashMap<>(vars.values());
            // The passphrase stays in the connection only, so it cannot reach templates, hostvars or reports.
            values.remove(ConnectionResolver.PASSPHRASE);
            hosts.add(new InventoryHost(entry.name, connection, groups, Collections.unmodifiableMap(values)));
        }
        checkDistinctEndpoints(hosts, tree);

        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (String group : tree.groups.keySet()) {
            groups.put(group, tree.hosts.keySet().stream().filter(members.get(group)::contains).toList());
        }
        return new Inventory(inventoryFile, List.copyOf(hosts), Collections.unmodifiableMap(groups));
    }

    /** Ansible's order: all inline, group_vars/all, then the other groups' inline vars, then their files. */
    private static void addGroupLayers(HostVars vars, List<String> groups, GroupTree tree,
                                       Map<String, List<YamlMap>> groupFiles) {
        tree.groups.get(GroupTree.ALL).vars.forEach(vars::add);
        groupFiles.getOrDefault(GroupTree.ALL, List.of()).forEach(vars::add);
        List<String> others = groups.stream().filter(g -> !g.equals(GroupTree.ALL)).toList();
        others.forEach(g -> tree.groups.get(g).vars.forEach(vars::add));
        others.forEach(g -> groupFiles.getOrDefault(g, List.of()).forEach(vars::add));
    }

    /** Group → every host in it, directly or through its children. */
    private static Map<String, Set<String>> members(GroupTree tree) {
        Map<String, Set<String>> members = new HashMap<>();
        for (String group : tree.groups.keySet()) {
            collect(tree, group, members);
        }
        return members;
    }

    private static Set<String> collect(GroupTree tree, String group, Map<String, Set<String>> members) {
        Set<String> known = members.get(group);
        if (known != null) {
            return known;
        }
        Set<String> hosts = new LinkedHashSet<>(tree.groups.get(group).hosts);
        for (String child : tree.groups.get(group).children) {
            hosts.addAll(collect(tree, child, members));
        }
        members.put(group, hosts);
        return hosts;
    }

    /** Groups sorted as Ansible merges their vars: by depth below 'all' (parents first), then by name. */
    private static List<String> precedenceOrder(GroupTree tree) {
        Map<String, Integer> depths = new HashMap<>();
        for (String group : tree.groups.keySet()) {
            depth(tree, group, depths);
        }
        return tree.groups.keySet().stream()
                .sorted(Comparator.comparing((String g) -> depths.get(g)).thenComparing(g -> g))
                .toList();
    }

    private static int depth(GroupTree tree, String group, Map<String, Integer> depths) {
        Integer known = depths.get(group);
        if (known != null) {
            return known;
        }
        int depth = 0;
        for (String parent : tree.groups.get(group).parents) {
            depth = Math.max(depth, depth(tree, parent, depths) + 1);
        }
        depths.put(group, depth);
        return depth;
    }

    private static void checkDistinctEndpoints(List<InventoryHost> hosts, GroupTree tree) throws InventoryException {
        Map<String, String> seen = new HashMap<>();
        for (InventoryHost host : hosts) {
            ConnectionSpec c = host.connection();
            String endpoint = c.address() + ":" + c.port();
            String other = seen.putIfAbsent(endpoint, host.name());
            if (other != null) {
                Origin origin = tree.hosts.get(host.name()).origin;
                throw new InventoryException(Problem.at(origin.file(), origin.line(), host.name(),
                        "same address and port as host '" + other + "' (" + endpoint + ")",
                        "give each host its own ansible_host (or port); a host in several groups is written "
                                + "under each group with the same name, not as a new host"));
            }
        }
    }
}
