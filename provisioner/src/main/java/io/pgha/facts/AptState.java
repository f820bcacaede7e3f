package io.pgha.facts;

import java.util.Map;
import java.util.OptionalLong;

/**
 * Installed packages (of those asked about) and the age of the apt package lists.
 *
 * @param installed       package name to installed version, only for status "install ok installed"
 * @param cacheAgeSeconds seconds since the last successful {@code apt-get update}; empty if unknown
 */
public record AptState(Map<String, String> installed, OptionalLong cacheAgeSeconds) {
    public AptState {
        installed = Map.copyOf(installed);
    }
}
