package io.pgha.facts;

/**
 * A kernel parameter and where pgha persists it.
 *
 * @param current     the live value (whitespace normalised), or null if the key does not exist
 * @param file        the persisted file's state (content always fetched)
 * @param container   the container technology ("lxc", "systemd-nspawn", ...) or null on a VM or bare metal
 * @param writable    whether /proc/sys lets this key be written (false for non-namespaced keys in a container)
 */
public record SysctlState(String current, FileState file, String container, boolean writable) {
}
