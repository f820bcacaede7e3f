package io.pgha.roles;

import java.nio.file.Path;
import java.util.List;

/** A playbook such as {@code site.yml}: plays in order; roles are found in {@code roles/} beside it. */
public record Playbook(Path file, List<PlaySpec> plays) {
}
