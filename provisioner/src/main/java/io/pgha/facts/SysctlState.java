package io.pgha.facts;

import java.util.Optional;

/**
 * A kernel parameter's live value.
 *
 * @param current   the live value (whitespace normalised), or null if the key does not exist
 * @param writable  whether /proc/sys lets this key be written (false for non-namespaced keys in a container)
 * @param container for a key that cannot be written, the container technology the host runs in ("lxc",
 *                  "systemd-nspawn", ...), which then decides the value; empty otherwise
 */
public record SysctlState(String current, boolean writable, Optional<String> container) {
}
