package io.pgha.engine;

import java.time.Duration;
import java.util.Map;

/** Counters per host (in inventory order) and the run's total time. */
public record RunSummary(Map<String, HostStats> hosts, Duration elapsed) {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_UNREACHABLE = 3;

    /** 0 if nothing failed or was unreachable, 1 if a task failed, 3 if hosts were only unreachable. */
    public int exitCode() {
        if (hosts.values().stream().anyMatch(s -> s.failed() > 0)) {
            return EXIT_FAILED;
        }
        if (hosts.values().stream().anyMatch(s -> s.unreachable() > 0)) {
            return EXIT_UNREACHABLE;
        }
        return EXIT_OK;
    }
}
