package io.pgha.yaml;

import java.util.Map;

/**
 * Values that YAML silently turns into numbers although they are text: {@code postgresql_version: 16.10}
 * is read as 16.1, and {@code mode: 0640} as the integer 640. Such values must be quoted.
 */
public final class NumericPitfalls {
    private NumericPitfalls() {
    }

    /** Refuses any key ending in {@code _version} (at any depth) whose value is a number. */
    public static void checkVersions(Object value) throws YamlException {
        check(value, "_version");
    }

    /** Refuses a key named {@code mode} (at any depth) whose value is a number. */
    public static void checkModes(Object value) throws YamlException {
        check(value, "mode");
    }

    private static void check(Object value, String suffix) throws YamlException {
        if (value instanceof YamlMap map) {
            for (Map.Entry<String, Object> entry : map.entrySet()) {
                if (entry.getKey().endsWith(suffix) && entry.getValue() instanceof Number) {
                    String text = map.sourceText(entry.getKey());
                    throw new YamlException(Problem.in(map, entry.getKey(),
                            "'" + text + "' is read by YAML as the number " + entry.getValue(),
                            "write it as a string: \"" + text + "\""));
                }
                check(entry.getValue(), suffix);
            }
        } else if (value instanceof YamlList list) {
            for (Object element : list) {
                check(element, suffix);
            }
        }
    }
}
