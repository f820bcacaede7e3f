package io.pgha.engine;

import io.pgha.inventory.Inventory;
import io.pgha.inventory.InventoryHost;
import io.pgha.roles.Role;
import io.pgha.templating.TemplateException;
import io.pgha.templating.Templates;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the variables every host sees while a role runs: role defaults &lt; host facts
 * (gathered on connection) &lt; inventory vars (which already hold {@code -e}) &lt; {@code inventory_hostname}, {@code host_address},
 * {@code inventory_file} (as in Ansible: the inventory's path, for messages), {@code groups}, the role's secrets
 * (as {@code secrets.NAME} and as {@code NAME}).
 * {@code hostvars} maps every host to these variables; registered results and {@code item}
 * are added per task by {@link #scope}.
 */
final class ScopeFactory {
    private final Inventory inventory;
    private final Templates templates;
    private final Map<String, String> secrets;

    ScopeFactory(Inventory inventory, Templates templates, Map<String, String> secrets) {
        this.inventory = inventory;
        this.templates = templates;
        this.secrets = Map.copyOf(secrets);
    }

    /** Resolved variables of every inventory host for one role, before any host is connected. */
    RoleVars forRole(Role role) {
        return forRole(role, Map.of());
    }

    /** Resolved variables of every inventory host for one role; {@code facts} by host name. */
    RoleVars forRole(Role role, Map<String, Map<String, Object>> facts) {
        Map<String, Object> roleSecrets = new LinkedHashMap<>();
        for (String name : role.secrets()) {
            if (secrets.containsKey(name)) {
                roleSecrets.put(name, secrets.get(name));
            }
        }
        Map<String, Map<String, Object>> raw = new LinkedHashMap<>();
        for (InventoryHost host : inventory.hosts()) {
            Map<String, Object> vars = new LinkedHashMap<>(role.defaults());
            vars.putAll(facts.getOrDefault(host.name(), Map.of()));
            vars.putAll(host.vars());
            vars.put("inventory_hostname", host.name());
            vars.put("host_address", host.connection().address());
            vars.put("inventory_file", String.valueOf(inventory.file()));
            vars.put("groups", inventory.groups());
            vars.putAll(roleSecrets);
            vars.put("secrets", Collections.unmodifiableMap(roleSecrets));
            raw.put(host.name(), vars);
        }
        Map<String, Map<String, Object>> resolved = new LinkedHashMap<>();
        Map<String, Map<String, String>> unresolved = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Object>> host : raw.entrySet()) {
            VarResolver resolver = new VarResolver(templates, host.getValue(), Map.of("hostvars", raw));
            resolved.put(host.getKey(), Collections.unmodifiableMap(resolver.resolved()));
            unresolved.put(host.getKey(), resolver.problems());
        }
        return new RoleVars(Collections.unmodifiableMap(resolved), unresolved);
    }

    /** The variables of one host of a role, with registered results and (in a loop) {@code item}. */
    record RoleVars(Map<String, Map<String, Object>> hosts, Map<String, Map<String, String>> problems) {

        Map<String, Object> scope(String host, Map<String, Object> registered) {
            Map<String, Object> scope = new LinkedHashMap<>(hosts.get(host));
            scope.putAll(registered);
            scope.put("hostvars", hosts);
            return scope;
        }

        /** Adds why a variable has no value when a template fails on it (its own template failed). */
        TemplateException explain(String host, TemplateException e) {
            for (Map.Entry<String, String> problem : problems.getOrDefault(host, Map.of()).entrySet()) {
                if (e.getMessage().contains("undefined variable '" + problem.getKey())) {
                    return new TemplateException(e.getMessage() + "; '" + problem.getKey()
                            + "' has no value because " + problem.getValue());
                }
            }
            return e;
        }

        static Map<String, Object> withItem(Map<String, Object> scope, Object item) {
            Map<String, Object> withItem = new LinkedHashMap<>(scope);
            withItem.put("item", item);
            return withItem;
        }

        List<String> hostNames() {
            return List.copyOf(hosts.keySet());
        }
    }
}
