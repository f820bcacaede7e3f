package io.pgha.engine;

import io.pgha.inventory.Inventory;
import io.pgha.inventory.InventoryHost;
import io.pgha.roles.Assertion;
import io.pgha.roles.PlaySpec;
import io.pgha.roles.Playbook;
import io.pgha.roles.Role;
import io.pgha.roles.TaskSpec;
import io.pgha.transport.ConnectionSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds inventories, roles and tasks as data, the way the loaders would hand them over. */
public final class Fixtures {
    private Fixtures() {
    }

    /** Hosts pg1..pgN, all in groups {@code all} and {@code postgres}; pg1 is also in {@code etcd}. */
    public static Inventory inventory(Map<String, Object> allVars, String... names) {
        List<InventoryHost> hosts = new ArrayList<>();
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put("all", List.of(names));
        groups.put("postgres", List.of(names));
        groups.put("etcd", List.of(names[0]));
        int i = 10;
        for (String name : names) {
            ConnectionSpec spec = new ConnectionSpec(name, "127.0.0." + i++, 22, "admin", Path.of("/keys/id"),
                    "key-passphrase-" + name, true, null);
            List<String> memberOf = name.equals(names[0]) ? List.of("all", "postgres", "etcd") : List.of("all", "postgres");
            hosts.add(new InventoryHost(name, spec, memberOf, new LinkedHashMap<>(allVars)));
        }
        return new Inventory(Path.of("/work/inventory.yml"), hosts, groups);
    }

    public static Playbook playbook(String hosts, Role... roles) {
        return new Playbook(Path.of("/work/site.yml"), List.of(new PlaySpec("Test play", hosts, List.of(roles))));
    }

    public static Role role(String name, Path dir, TaskBuilder... tasks) {
        return role(name, dir, Map.of(), List.of(), List.of(), tasks);
    }

    public static Role role(String name, Path dir, Map<String, Object> defaults, List<String> secrets,
                     List<Assertion> asserts, TaskBuilder... tasks) {
        return new Role(name, dir, java.util.Arrays.stream(tasks).map(TaskBuilder::build).toList(), defaults, secrets, asserts);
    }

    public static TaskBuilder task(String name, String module, Map<String, Object> args) {
        return new TaskBuilder(name, module, args);
    }

    public static final class TaskBuilder {
        private final String name;
        private final String module;
        private final Map<String, Object> args;
        private final List<String> when = new ArrayList<>();
        private Object loop;
        private final Set<String> tags = new LinkedHashSet<>();
        private Boolean become;
        private final List<String> ifChanged = new ArrayList<>();
        private String register;

        TaskBuilder(String name, String module, Map<String, Object> args) {
            this.name = name;
            this.module = module;
            this.args = args;
        }

        public TaskBuilder when(String condition) {
            when.add(condition);
            return this;
        }

        public TaskBuilder loop(Object items) {
            loop = items;
            return this;
        }

        public TaskBuilder tags(String... names) {
            tags.addAll(List.of(names));
            return this;
        }

        public TaskBuilder become(boolean value) {
            become = value;
            return this;
        }

        public TaskBuilder ifChanged(String... tasks) {
            ifChanged.addAll(List.of(tasks));
            return this;
        }

        public TaskBuilder register(String variable) {
            register = variable;
            return this;
        }

        TaskSpec build() {
            return new TaskSpec(name, module, args, List.copyOf(when), loop, Set.copyOf(tags), become,
                    List.copyOf(ifChanged), register, "roles/test/tasks.yml:" + Math.abs(name.hashCode() % 100));
        }
    }
}
