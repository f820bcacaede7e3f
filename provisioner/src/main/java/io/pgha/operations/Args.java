package io.pgha.operations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed, validated access to a task's rendered arguments. Every error names the module, the
 * argument and what is allowed, so the user can fix the task without reading Java.
 */
final class Args {
    private final String module;
    private final Map<String, Object> values;

    private Args(String module, Map<String, Object> values) {
        this.module = module;
        this.values = values == null ? Map.of() : values;
    }

    /** Wraps the arguments and rejects any not in {@code allowed} (typos must not be ignored). */
    static Args of(String module, Map<String, Object> values, Set<String> allowed) throws OperationException {
        Args args = new Args(module, values);
        for (String key : args.values.keySet()) {
            if (!allowed.contains(key)) {
                throw new OperationException(module + ": unknown argument '" + key + "' (allowed: "
                        + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
        return args;
    }

    boolean has(String name) {
        return values.get(name) != null;
    }

    boolean isList(String name) {
        return values.get(name) instanceof List;
    }

    OperationException error(String name, String problem) {
        return new OperationException(module + ": argument '" + name + "' " + problem);
    }

    String string(String name) throws OperationException {
        String value = optionalString(name);
        if (value == null || value.isBlank()) {
            throw error(name, "is required");
        }
        return value;
    }

    String optionalString(String name) throws OperationException {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        throw error(name, "must be a string (got a " + kind(value) + ")");
    }

    String string(String name, String defaultValue) throws OperationException {
        String value = optionalString(name);
        return value == null ? defaultValue : value;
    }

    /** An absolute path. */
    String path(String name) throws OperationException {
        String value = string(name);
        if (!value.startsWith("/")) {
            throw error(name, "must be an absolute path (got '" + value + "')");
        }
        return value;
    }

    String oneOf(String name, String defaultValue, String... allowed) throws OperationException {
        String value = string(name, defaultValue);
        if (!List.of(allowed).contains(value)) {
            throw error(name, "must be one of " + String.join(", ", allowed) + " (got '" + value + "')");
        }
        return value;
    }

    boolean bool(String name, boolean defaultValue) throws OperationException {
        Boolean value = optionalBool(name);
        return value == null ? defaultValue : value;
    }

    Boolean optionalBool(String name) throws OperationException {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        Boolean parsed = Truth.parse(value.toString());
        if (parsed == null) {
            throw error(name, "must be true or false (got '" + value + "')");
        }
        return parsed;
    }

    long integer(String name, long defaultValue, long min) throws OperationException {
        Object value = values.get(name);
        if (value == null) {
            return defaultValue;
        }
        long parsed;
        try {
            parsed = value instanceof Number n ? n.longValue() : Long.parseLong(value.toString().strip());
        } catch (NumberFormatException e) {
            throw error(name, "must be a whole number (got '" + value + "')");
        }
        if (parsed < min) {
            throw error(name, "must be at least " + min + " (got " + parsed + ")");
        }
        return parsed;
    }

    /** A list of strings; a single string counts as a list of one (or, if {@code splitSpaces}, of its words). */
    List<String> stringList(String name, boolean splitSpaces) throws OperationException {
        Object value = values.get(name);
        if (value == null) {
            return List.of();
        }
        List<String> result = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item == null || item instanceof Map || item instanceof List) {
                    throw error(name, "must be a list of strings (found " + kind(item) + ")");
                }
                result.add(item.toString().strip());
            }
        } else if (value instanceof String s) {
            if (splitSpaces) {
                for (String word : s.strip().split("[\\s,]+")) {
                    if (!word.isEmpty()) {
                        result.add(word);
                    }
                }
            } else {
                result.add(s);
            }
        } else {
            throw error(name, "must be a string or a list of strings (got a " + kind(value) + ")");
        }
        return result;
    }

    /** A map with string keys, in the order given. */
    Map<String, Object> map(String name) throws OperationException {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw error(name, "must be a mapping (got a " + kind(value) + ")");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            result.put(String.valueOf(e.getKey()), e.getValue());
        }
        return result;
    }

    /** Permission bits given as a quoted octal string ("0640"); see {@link FileMode}. */
    Integer mode(String name) throws OperationException {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw error(name, "must be a quoted octal string such as \"0" + value + "\" (an unquoted number like "
                    + value + " is read as decimal by YAML); write mode: \"0" + value + "\"");
        }
        Integer mode = FileMode.parse(s);
        if (mode == null) {
            throw error(name, "must be an octal mode such as \"0644\" or \"0750\" (got '" + s + "')");
        }
        return mode;
    }

    /** Ensures exactly one of the given arguments is set; returns it. */
    String exactlyOne(String... names) throws OperationException {
        String found = null;
        for (String n : names) {
            if (has(n)) {
                if (found != null) {
                    throw new OperationException(module + ": arguments '" + found + "' and '" + n
                            + "' cannot be used together");
                }
                found = n;
            }
        }
        if (found == null) {
            throw new OperationException(module + ": one of the arguments " + String.join(", ", names)
                    + " is required");
        }
        return found;
    }

    private static String kind(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map) {
            return "mapping";
        }
        if (value instanceof List) {
            return "list";
        }
        return value.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }
}
