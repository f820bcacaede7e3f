package io.pgha.engine;

import io.pgha.templating.TemplateException;
import io.pgha.templating.Templates;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Renders variables whose values are templates (e.g. a default
 * {@code data_dir: "/var/lib/postgresql/{{ pg_version }}/main"}) in dependency order: a value is
 * rendered once every variable it uses has a value. A value that never renders (undefined or
 * circular reference) is left out, and {@link #problems()} says why.
 */
final class VarResolver {
    private final Map<String, Object> resolved;
    private final Map<String, String> problems = new LinkedHashMap<>();

    VarResolver(Templates templates, Map<String, Object> raw, Map<String, Object> extra) {
        resolved = new LinkedHashMap<>(raw);
        Set<String> pending = new LinkedHashSet<>();
        raw.forEach((name, value) -> {
            if (Templates.isTemplated(value)) {
                pending.add(name);
            }
        });
        pending.forEach(resolved::remove);
        boolean progress = true;
        while (progress && !pending.isEmpty()) {
            progress = false;
            for (String name : Set.copyOf(pending)) {
                Map<String, Object> scope = new LinkedHashMap<>(resolved);
                scope.putAll(extra);
                try {
                    resolved.put(name, templates.renderValue(raw.get(name), scope, "variable '" + name + "'"));
                    pending.remove(name);
                    problems.remove(name);
                    progress = true;
                } catch (TemplateException e) {
                    problems.put(name, e.getMessage());
                }
            }
        }
    }

    Map<String, Object> resolved() {
        return resolved;
    }

    Map<String, String> problems() {
        return problems;
    }
}
