package io.pgha.inventory;

import io.pgha.yaml.NumericPitfalls;
import io.pgha.yaml.Problem;
import io.pgha.yaml.YamlException;
import io.pgha.yaml.YamlMap;
import io.pgha.yaml.YamlReader;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of {@code -e} options, in order (later ones win): {@code key=value} (the value is text, as in
 * Ansible), or {@code @file.yml}, a YAML mapping of plain values, read relative to the working directory.
 */
public final class ExtraVars {
    private static final String SOURCE = "command line (-e)";

    private ExtraVars() {
    }

    public static Map<String, String> parse(List<String> options) throws InventoryException {
        Map<String, String> vars = new LinkedHashMap<>();
        for (String option : options) {
            if (option.startsWith("@")) {
                vars.putAll(readFile(Path.of(option.substring(1))));
                continue;
            }
            int equals = option.indexOf('=');
            String key = equals < 0 ? option : option.substring(0, equals).trim();
            if (equals < 0 || !key.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new InventoryException(Problem.at(SOURCE, 0, null, "'" + option + "' is not key=value",
                        "write -e name=value (one variable per -e), or -e @file.yml"));
            }
            vars.put(key, option.substring(equals + 1));
        }
        return vars;
    }

    private static Map<String, String> readFile(Path file) throws InventoryException {
        Map<String, String> vars = new LinkedHashMap<>();
        try {
            Object content = YamlReader.read(file);
            if (content == null) {
                return vars;
            }
            if (!(content instanceof YamlMap map)) {
                throw new InventoryException(Problem.at(file.toString(), 1, null, "an -e file must be a mapping",
                        "write one 'name: value' per line"));
            }
            NumericPitfalls.checkVersions(map);
            for (Map.Entry<String, Object> entry : map.entrySet()) {
                if (entry.getValue() instanceof Map || entry.getValue() instanceof List) {
                    throw new InventoryException(Problem.in(map, entry.getKey(), "-e values must be plain values",
                            "put structured variables in group_vars/ or host_vars/ beside the inventory"));
                }
                vars.put(entry.getKey(), entry.getValue() == null ? "" : String.valueOf(entry.getValue()));
            }
            return vars;
        } catch (YamlException e) {
            throw new InventoryException(e);
        }
    }
}
