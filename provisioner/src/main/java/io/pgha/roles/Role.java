package io.pgha.roles;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A role folder: {@code tasks.yml}, {@code defaults.yml}, {@code meta.yml} (secrets, asserts),
 * {@code templates/}, {@code files/}.
 *
 * @param secrets names of generated secrets this role needs (kept in the secrets file)
 */
public record Role(String name, Path dir, List<TaskSpec> tasks, Map<String, Object> defaults,
                   List<String> secrets, List<Assertion> asserts) {
}
