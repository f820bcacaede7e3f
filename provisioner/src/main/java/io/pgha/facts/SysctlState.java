package io.pgha.facts;

/**
 * A kernel parameter's live value.
 *
 * @param current  the live value (whitespace normalised), or null if the key does not exist
 * @param writable whether /proc/sys lets this key be written (false for non-namespaced keys in a container)
 */
public record SysctlState(String current, boolean writable) {
}
