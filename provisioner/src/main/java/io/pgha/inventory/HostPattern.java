package io.pgha.inventory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Ansible host patterns, as in a play's {@code hosts:} and {@code --limit}: names of groups or hosts separated by
 * commas (or colons); {@code all} or {@code *}; wildcards ({@code pg*}); {@code !name} excludes, {@code &name}
 * keeps only hosts also in name. A name that matches nothing is an error (it is usually a typo).
 */
final class HostPattern {
    private HostPattern() {
    }

    /** Host names selected by {@code pattern}, in inventory order. */
    static List<String> select(Inventory inventory, String pattern) {
        List<String> terms = List.of(pattern.trim().split("\\s*[,:]\\s*"));
        Set<String> included = new LinkedHashSet<>();
        List<Set<String>> required = new ArrayList<>();
        Set<String> excluded = new LinkedHashSet<>();
        for (String term : terms) {
            if (term.isEmpty()) {
                throw new IllegalArgumentException("empty name in host pattern '" + pattern + "'");
            }
            if (term.startsWith("!")) {
                excluded.addAll(matches(inventory, term.substring(1), pattern));
            } else if (term.startsWith("&")) {
                required.add(matches(inventory, term.substring(1), pattern));
            } else {
                included.addAll(matches(inventory, term, pattern));
            }
        }
        List<String> selected = new ArrayList<>();
        for (InventoryHost host : inventory.hosts()) {
            String name = host.name();
            if (included.contains(name) && !excluded.contains(name) && required.stream().allMatch(r -> r.contains(name))) {
                selected.add(name);
            }
        }
        return selected;
    }

    private static Set<String> matches(Inventory inventory, String written, String pattern) {
        Set<String> hosts = new LinkedHashSet<>();
        String term = written.equals("*") ? GroupTree.ALL : written;
        if (term.contains("*") || term.contains("?")) {
            Pattern glob = Pattern.compile(("\\Q" + term + "\\E").replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q"));
            inventory.groups().forEach((group, members) -> {
                if (glob.matcher(group).matches()) {
                    hosts.addAll(members);
                }
            });
            inventory.hosts().stream().map(InventoryHost::name).filter(h -> glob.matcher(h).matches()).forEach(hosts::add);
        } else if (inventory.groups().containsKey(term)) {
            hosts.addAll(inventory.groups().get(term));
        } else if (inventory.hosts().stream().anyMatch(h -> h.name().equals(term))) {
            hosts.add(term);
        } else {
            throw new IllegalArgumentException("no group or host named '" + term + "' (in host pattern '" + pattern
                    + "'); groups: " + String.join(", ", inventory.groups().keySet()));
        }
        return hosts;
    }
}
