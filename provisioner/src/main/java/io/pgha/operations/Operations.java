package io.pgha.operations;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The modules a task can name, by their key. */
public final class Operations {
    private final Map<String, Operation> byName;

    private Operations(List<Operation> operations) {
        Map<String, Operation> map = new LinkedHashMap<>();
        for (Operation op : operations) {
            if (map.put(op.name(), op) != null) {
                throw new IllegalStateException("two modules named " + op.name());
            }
        }
        this.byName = Map.copyOf(map);
    }

    /** Every module pgha ships. */
    public static Operations builtIn() {
        return new Operations(List.of(
                new Apt(), new AptRepository(), new FileOp(), new Copy(), new Template(), new YamlFile(),
                new BlockInFile(), new SystemdUnit(), new Service(), new Group(), new User(), new Sysctl(),
                new Command("command"), new Command("shell"), new WaitFor(), new Assert()));
    }

    /** The module with this key, or null if there is none. */
    public Operation get(String name) {
        return byName.get(name);
    }

    public Set<String> names() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(byName.keySet()));
    }
}
