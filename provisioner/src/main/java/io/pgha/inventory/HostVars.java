package io.pgha.inventory;

import io.pgha.yaml.YamlMap;

import java.util.LinkedHashMap;
import java.util.Map;

/** One host's variables merged layer by layer (later layers win), remembering where each value was set. */
final class HostVars {
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<String, Origin> origins = new LinkedHashMap<>();

    void add(YamlMap layer) {
        for (Map.Entry<String, Object> entry : layer.entrySet()) {
            values.put(entry.getKey(), entry.getValue());
            origins.put(entry.getKey(), Origin.of(layer, entry.getKey()));
        }
    }

    void addCommandLine(Map<String, ?> extraVars) {
        for (Map.Entry<String, ?> entry : extraVars.entrySet()) {
            values.put(entry.getKey(), entry.getValue());
            origins.put(entry.getKey(), Origin.COMMAND_LINE);
        }
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    Object get(String key) {
        return values.get(key);
    }

    Origin origin(String key) {
        return origins.get(key);
    }

    Map<String, Object> values() {
        return values;
    }
}
