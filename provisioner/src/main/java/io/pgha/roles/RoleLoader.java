package io.pgha.roles;

import io.pgha.yaml.NumericPitfalls;
import io.pgha.yaml.Problem;
import io.pgha.yaml.YamlException;
import io.pgha.yaml.YamlList;
import io.pgha.yaml.YamlMap;
import io.pgha.yaml.YamlReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads one role folder: {@code tasks.yml} (required), {@code defaults.yml} and {@code meta.yml} (optional). */
final class RoleLoader {
    private static final String NAME_PATTERN = "[A-Za-z0-9_][A-Za-z0-9_.-]*";

    private final Path playbookFolder;
    private final TaskParser tasks;

    RoleLoader(Path playbookFolder, TaskParser tasks) {
        this.playbookFolder = playbookFolder;
        this.tasks = tasks;
    }

    static boolean validName(String name) {
        return name.matches(NAME_PATTERN);
    }

    Role load(String name) throws RoleException {
        Path dir = playbookFolder.resolve("roles").resolve(name);
        Path tasksFile = dir.resolve("tasks.yml");
        if (!Files.isRegularFile(tasksFile)) {
            throw new RoleException(Problem.at(tasksFile.toString(), 0, null, "the role '" + name + "' has no tasks.yml",
                    "create " + tasksFile + " with the role's list of tasks"));
        }
        String relative = "roles/" + name + "/";
        List<TaskSpec> taskSpecs = tasks.parse(name, tasksFile.toString(), relative + "tasks.yml", read(tasksFile));
        for (TaskSpec task : taskSpecs) {
            checkSourceFile(dir, task);
        }
        Map<String, Object> defaults = defaults(dir.resolve("defaults.yml"));
        List<String> secrets = new ArrayList<>();
        List<Assertion> asserts = new ArrayList<>();
        Path metaFile = dir.resolve("meta.yml");
        if (Files.exists(metaFile)) {
            meta(metaFile, relative + "meta.yml", secrets, asserts);
        }
        return new Role(name, dir, List.copyOf(taskSpecs), defaults, List.copyOf(secrets), List.copyOf(asserts));
    }

    /**
     * A {@code template} or {@code copy} task's {@code src} must exist in the role's {@code templates/} or
     * {@code files/}: finding out now beats failing half-way through a run. Templated paths are checked later.
     */
    private static void checkSourceFile(Path dir, TaskSpec task) throws RoleException {
        String folder = switch (task.module()) {
            case "template" -> "templates";
            case "copy" -> "files";
            default -> null;
        };
        if (folder == null || !(task.args() instanceof YamlMap args) || !(args.get("src") instanceof String src)
                || src.contains("{{")) {
            return;
        }
        Path base = dir.resolve(folder).normalize();
        Path file = base.resolve(src).normalize();
        if (!file.startsWith(base)) {
            throw new RoleException(Problem.in(args, "src", "'" + src + "' is outside the role's " + folder + "/",
                    "write a path relative to " + base));
        }
        if (!Files.isRegularFile(file)) {
            throw new RoleException(Problem.in(args, "src", "no such file " + file,
                    "put the file in " + base + " or fix the name"));
        }
    }

    private static Map<String, Object> defaults(Path file) throws RoleException {
        if (!Files.exists(file)) {
            return Map.of();
        }
        Object content = read(file);
        if (content == null) {
            return Map.of();
        }
        if (!(content instanceof YamlMap map)) {
            throw new RoleException(Problem.at(file.toString(), 1, null, "defaults.yml must be a mapping",
                    "write one 'variable: value' per line"));
        }
        try {
            NumericPitfalls.checkVersions(map);
        } catch (YamlException e) {
            throw new RoleException(e);
        }
        return map;
    }

    private static void meta(Path file, String relative, List<String> secrets, List<Assertion> asserts)
            throws RoleException {
        Object content = read(file);
        if (content == null) {
            return;
        }
        if (!(content instanceof YamlMap meta)) {
            throw new RoleException(Problem.at(file.toString(), 1, null, "meta.yml must be a mapping",
                    "write 'secrets:' and/or 'asserts:' at the top level"));
        }
        for (Map.Entry<String, Object> entry : meta.entrySet()) {
            switch (entry.getKey()) {
                case "secrets" -> secrets.addAll(secretNames(meta));
                case "asserts" -> asserts.addAll(assertions(meta, relative));
                default -> throw new RoleException(Problem.in(meta, entry.getKey(), "unknown key in meta.yml",
                        "meta.yml holds only 'secrets:' (names of generated secrets) and 'asserts:' ({that, msg})"));
            }
        }
    }

    private static Set<String> secretNames(YamlMap meta) throws RoleException {
        Set<String> names = new LinkedHashSet<>();
        if (!(meta.get("secrets") instanceof YamlList list)) {
            throw new RoleException(Problem.in(meta, "secrets", "secrets must be a list of names",
                    "write e.g. secrets: [postgres_password, replication_password]"));
        }
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String name) || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new RoleException(Problem.at(list.file(), list.line(i), "secrets",
                        "'" + list.get(i) + "' is not a secret name",
                        "use letters, digits and '_', starting with a letter, like a variable name"));
            }
            names.add(name);
        }
        return names;
    }

    private static List<Assertion> assertions(YamlMap meta, String relative) throws RoleException {
        List<Assertion> asserts = new ArrayList<>();
        if (!(meta.get("asserts") instanceof YamlList list)) {
            throw new RoleException(Problem.in(meta, "asserts", "asserts must be a list",
                    "write a list of '- that: expression' with 'msg: text'"));
        }
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof YamlMap check)) {
                throw new RoleException(Problem.at(list.file(), list.line(i), "asserts", "an assert must be a mapping",
                        "write '- that: expression' and '  msg: text'"));
            }
            for (String key : check.keySet()) {
                if (!key.equals("that") && !key.equals("msg")) {
                    throw new RoleException(Problem.in(check, key, "unknown key in an assert",
                            "an assert has only 'that:' (an expression) and 'msg:' (shown when it is false)"));
                }
            }
            if (!(check.get("msg") instanceof String msg) || msg.isBlank()) {
                throw new RoleException(Problem.in(check, "msg", "the assert has no message",
                        "add 'msg:' saying what is wrong and naming the values, e.g. \"{{ x }} must be ...\""));
            }
            Object that = check.get("that");
            List<?> expressions = that instanceof List<?> several ? several : Collections.singletonList(that);
            for (Object expression : expressions) {
                if (!(expression instanceof String text) || text.isBlank()) {
                    throw new RoleException(Problem.in(check, "that", "the assert needs an expression",
                            "write 'that:' followed by an expression, e.g. groups['etcd'] | length == 3"));
                }
                asserts.add(new Assertion(text, msg, relative + ":" + check.line()));
            }
        }
        return asserts;
    }

    private static Object read(Path file) throws RoleException {
        try {
            return YamlReader.read(file);
        } catch (YamlException e) {
            throw new RoleException(e);
        }
    }
}
