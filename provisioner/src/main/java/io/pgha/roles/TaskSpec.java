package io.pgha.roles;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One task of a role as written in {@code tasks.yml}, not yet rendered for a host.
 *
 * @param name      unique within the role; {@code if_changed} refers to it
 * @param module    the module key (e.g. {@code apt}); an {@link io.pgha.operations.Operation#name()}
 * @param args      raw arguments; strings are templates rendered per host by the engine
 * @param when      expressions that must all be true for the task to run on a host
 * @param loop      a list, or an expression string yielding a list; each element is {@code item}
 * @param tags      tags for {@code --tags}; the role name is always a tag too
 * @param become    run as root; null means the host's connection default
 * @param ifChanged run only if one of these tasks (same role, or {@code role/task}) changed on this host this run
 * @param register  name of a host variable that receives {@code {changed, rc, stdout, stderr}}
 * @param source    file:line for error messages
 */
public record TaskSpec(String name, String module, Map<String, Object> args, List<String> when, Object loop,
                       Set<String> tags, Boolean become, List<String> ifChanged, String register, String source) {
}
