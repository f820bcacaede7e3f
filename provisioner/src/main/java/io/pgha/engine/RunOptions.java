package io.pgha.engine;

import java.util.List;
import java.util.Set;

/**
 * How a provisioning run behaves.
 *
 * @param check report what would change, change nothing
 * @param diff  show each plan's diff
 * @param limit host or group names the run is restricted to (empty: no restriction)
 * @param tags  run only tasks carrying one of these tags (empty: all tasks)
 */
public record RunOptions(boolean check, boolean diff, List<String> limit, Set<String> tags) {
    public RunOptions {
        limit = List.copyOf(limit);
        tags = Set.copyOf(tags);
    }

    public static RunOptions defaults() {
        return new RunOptions(false, false, List.of(), Set.of());
    }
}
