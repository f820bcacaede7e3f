package io.pgha.roles;

/**
 * A preflight check of a role ({@code meta.yml: asserts}), evaluated on each host's variables
 * before any connection is made.
 *
 * @param that expression that must be true
 * @param msg  template rendered with the host's variables when it is false (names the values)
 */
public record Assertion(String that, String msg, String source) {
}
