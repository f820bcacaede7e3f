package io.pgha.yaml;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A YAML mapping as a plain ordered map, which also remembers where it came from: the file, the line of the
 * mapping and of each key, and the source text of scalar values (so that {@code 16.10} can be quoted back).
 */
public final class YamlMap extends LinkedHashMap<String, Object> {
    private final String file;
    private final int line;
    private final Map<String, Integer> keyLines = new HashMap<>();
    private final Map<String, String> scalarTexts = new HashMap<>();

    public YamlMap(String file, int line) {
        this.file = file;
        this.line = line;
    }

    void putLocated(String key, Object value, int keyLine, String scalarText) {
        put(key, value);
        keyLines.put(key, keyLine);
        if (scalarText != null) {
            scalarTexts.put(key, scalarText);
        }
    }

    /** The file as the user named it. */
    public String file() {
        return file;
    }

    /** 1-based line where the mapping starts. */
    public int line() {
        return line;
    }

    /** 1-based line of the key, or of the mapping when the key is absent. */
    public int line(String key) {
        return keyLines.getOrDefault(key, line);
    }

    /** {@code file:line} of the key, for messages and task sources. */
    public String where(String key) {
        return file + ":" + line(key);
    }

    /** The value exactly as written when it is a scalar (e.g. {@code 16.10} for a value read as 16.1), else null. */
    public String sourceText(String key) {
        return scalarTexts.get(key);
    }
}
