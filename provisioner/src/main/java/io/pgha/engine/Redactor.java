package io.pgha.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Replaces every known secret value by {@value #MASK} in text that pgha prints. One instance per
 * run; all output goes through it. Secrets are added as they become known (key passphrases when
 * the inventory is read, generated secrets when they are loaded).
 */
public final class Redactor {
    public static final String MASK = "********";

    private final List<String> secrets = new CopyOnWriteArrayList<>();

    public void add(String secret) {
        if (secret != null && !secret.isEmpty() && !secrets.contains(secret)) {
            List<String> sorted = new ArrayList<>(secrets);
            sorted.add(secret);
            // Longest first, so a secret that contains another is masked whole.
            sorted.sort(Comparator.comparingInt(String::length).reversed());
            secrets.clear();
            secrets.addAll(sorted);
        }
    }

    public void addAll(Collection<String> values) {
        values.forEach(this::add);
    }

    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, MASK);
        }
        return out;
    }

    /** Redacts every string inside maps and lists (for structured output such as JSON events). */
    public Object redactValue(Object value) {
        if (value instanceof String text) {
            return redact(text);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(redact(String.valueOf(k)), redactValue(v)));
            return copy;
        }
        if (value instanceof Collection<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(redactValue(v)));
            return copy;
        }
        return value;
    }
}
