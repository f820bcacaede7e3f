package io.pgha.facts;

import java.util.Map;

/**
 * Installed packages, of those asked about.
 *
 * @param installed package name to installed version, only for status "install ok installed"
 */
public record AptState(Map<String, String> installed) {
    public AptState {
        installed = Map.copyOf(installed);
    }
}
