package io.pgha.roles;

import io.pgha.yaml.NumericPitfalls;
import io.pgha.yaml.Problem;
import io.pgha.yaml.Suggest;
import io.pgha.yaml.YamlException;
import io.pgha.yaml.YamlList;
import io.pgha.yaml.YamlMap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads one role's {@code tasks.yml} into {@link TaskSpec}s, checking each task's keys, its one module, and that
 * {@code if_changed} names a task that runs earlier (in this role, or {@code role/task} in an earlier role).
 */
final class TaskParser {
    static final Set<String> TASK_KEYS = Set.of("name", "when", "loop", "tags", "become", "if_changed", "register");

    private final Set<String> moduleNames;
    private final Map<String, Set<String>> earlierRoles;

    /**
     * @param earlierRoles role name → its task names, for roles that run before this one
     */
    TaskParser(Set<String> moduleNames, Map<String, Set<String>> earlierRoles) {
        this.moduleNames = moduleNames;
        this.earlierRoles = earlierRoles;
    }

    /**
     * @param file         the file as shown in messages
     * @param relativeFile the file relative to the playbook's folder, for {@link TaskSpec#source()}
     */
    List<TaskSpec> parse(String roleName, String file, String relativeFile, Object content) throws RoleException {
        List<TaskSpec> tasks = new ArrayList<>();
        if (content == null) {
            return tasks;
        }
        if (!(content instanceof YamlList list)) {
            throw new RoleException(Problem.at(file, 1, null,
                    "tasks.yml must be a list of tasks", "start each task with '- name: ...'"));
        }
        Map<String, Integer> names = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof YamlMap task)) {
                throw new RoleException(Problem.at(list.file(), list.line(i), null, "a task must be a mapping",
                        "write '- name: ...' followed by the module key, e.g. '  apt: {name: curl}'"));
            }
            TaskSpec spec = task(roleName, relativeFile, task, names);
            names.put(spec.name(), task.line("name"));
            tasks.add(spec);
        }
        return tasks;
    }

    private TaskSpec task(String roleName, String relativeFile, YamlMap task, Map<String, Integer> earlier)
            throws RoleException {
        String name = name(task, earlier);
        String module = module(task);
        Map<String, Object> args = args(task, module);
        Set<String> tags = new LinkedHashSet<>();
        tags.add(roleName);
        tags.addAll(strings(task, "tags", true));
        return new TaskSpec(name, module, args, strings(task, "when", false), loop(task), tags, become(task),
                ifChanged(task, earlier.keySet()), register(task), relativeFile + ":" + task.line());
    }

    private static String name(YamlMap task, Map<String, Integer> earlier) throws RoleException {
        Object name = task.get("name");
        if (!(name instanceof String text) || text.isBlank()) {
            throw new RoleException(Problem.in(task, "name", name == null ? "the task has no name" : "the name must be text",
                    "start the task with '- name: what it does' (if_changed and the results refer to it)"));
        }
        Integer first = earlier.get(text);
        if (first != null) {
            throw new RoleException(Problem.in(task, "name", "duplicate task name '" + text + "' (first at line "
                    + first + ")", "give each task of a role its own name"));
        }
        return text;
    }

    private String module(YamlMap task) throws RoleException {
        List<String> modules = new ArrayList<>();
        for (String key : task.keySet()) {
            if (TASK_KEYS.contains(key)) {
                continue;
            }
            if (!moduleNames.contains(key)) {
                Set<String> known = new TreeSet<>(moduleNames);
                known.addAll(TASK_KEYS);
                String hint = Suggest.closest(key, known).map(s -> "did you mean '" + s + "'?")
                        .orElse("modules are: " + String.join(", ", new TreeSet<>(moduleNames))
                                + "; task keys are: " + String.join(", ", new TreeSet<>(TASK_KEYS)));
                throw new RoleException(Problem.in(task, key, "unknown module or task key", hint));
            }
            modules.add(key);
        }
        if (modules.isEmpty()) {
            throw new RoleException(Problem.in(task, "name", "the task has no module",
                    "add exactly one module key, one of: " + String.join(", ", new TreeSet<>(moduleNames))));
        }
        if (modules.size() > 1) {
            throw new RoleException(Problem.in(task, modules.get(1), "several modules in one task: "
                    + String.join(", ", modules), "split it into one task per module"));
        }
        return modules.get(0);
    }

    private static Map<String, Object> args(YamlMap task, String module) throws RoleException {
        Object args = task.get(module);
        if (args == null) {
            return Map.of();
        }
        if (!(args instanceof YamlMap map)) {
            throw new RoleException(Problem.in(task, module, "the module's arguments must be a mapping, not "
                    + (args instanceof List ? "a list" : "'" + args + "'"),
                    "write the arguments as 'key: value' lines indented below '" + module + ":'"));
        }
        try {
            NumericPitfalls.checkModes(map);
        } catch (YamlException e) {
            throw new RoleException(e);
        }
        return map;
    }

    /** A string (comma-separated if {@code splitCommas}), a boolean, or a list of them. */
    private static List<String> strings(YamlMap task, String key, boolean splitCommas) throws RoleException {
        Object value = task.get(key);
        List<String> result = new ArrayList<>();
        if (value == null) {
            return result;
        }
        List<?> items = value instanceof List<?> list ? list : List.of(value);
        for (Object item : items) {
            if (!(item instanceof String || item instanceof Boolean) || item.toString().isBlank()) {
                throw new RoleException(Problem.in(task, key, "'" + item + "' is not text",
                        "write a string or a list of strings; quote values that YAML reads as numbers"));
            }
            for (String part : splitCommas ? item.toString().split(",") : new String[] {item.toString()}) {
                if (!part.isBlank()) {
                    result.add(part.trim());
                }
            }
        }
        return result;
    }

    private static Object loop(YamlMap task) throws RoleException {
        Object loop = task.get("loop");
        if (loop != null && !(loop instanceof List) && !(loop instanceof String)) {
            throw new RoleException(Problem.in(task, "loop", "loop must be a list or an expression",
                    "write a list, e.g. [a, b], or a string such as \"{{ groups['etcd'] }}\""));
        }
        return loop;
    }

    private static Boolean become(YamlMap task) throws RoleException {
        Object become = task.get("become");
        if (become != null && !(become instanceof Boolean)) {
            throw new RoleException(Problem.in(task, "become", "'" + become + "' is not a boolean",
                    "write true or false (YAML 1.2 reads yes/no as text)"));
        }
        return (Boolean) become;
    }

    private List<String> ifChanged(YamlMap task, Set<String> earlierTasks) throws RoleException {
        List<String> names = strings(task, "if_changed", false);
        for (String name : names) {
            if (earlierTasks.contains(name)) {
                continue;
            }
            int slash = name.indexOf('/');
            Set<String> roleTasks = slash < 0 ? null : earlierRoles.get(name.substring(0, slash));
            if (roleTasks != null && roleTasks.contains(name.substring(slash + 1))) {
                continue;
            }
            String hint = Suggest.closest(name, earlierTasks).map(s -> "did you mean '" + s + "'?")
                    .orElse("name a task written above this one in the role, or 'role/task name' of an earlier role");
            throw new RoleException(Problem.in(task, "if_changed", "no earlier task named '" + name + "'", hint));
        }
        return names;
    }

    private static String register(YamlMap task) throws RoleException {
        Object register = task.get("register");
        if (register != null && !(register instanceof String text && text.matches("[A-Za-z_][A-Za-z0-9_]*"))) {
            throw new RoleException(Problem.in(task, "register", "'" + register + "' is not a variable name",
                    "use letters, digits and '_', starting with a letter"));
        }
        return (String) register;
    }
}
