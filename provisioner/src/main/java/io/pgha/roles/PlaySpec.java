package io.pgha.roles;

import java.util.List;

/** One play of a playbook: a host pattern (group or host names, comma-separated) and its roles. */
public record PlaySpec(String name, String hosts, List<Role> roles) {
}
