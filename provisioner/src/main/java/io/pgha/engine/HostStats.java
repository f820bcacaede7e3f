package io.pgha.engine;

/**
 * Per-host counters for the recap. As in Ansible, {@code ok} counts every task that ran
 * successfully, changed or not.
 */
public record HostStats(int ok, int changed, int unreachable, int failed, int skipped) {

    public static final HostStats ZERO = new HostStats(0, 0, 0, 0, 0);

    public HostStats plus(TaskStatus status) {
        return switch (status) {
            case OK -> new HostStats(ok + 1, changed, unreachable, failed, skipped);
            case CHANGED -> new HostStats(ok + 1, changed + 1, unreachable, failed, skipped);
            case UNREACHABLE -> new HostStats(ok, changed, unreachable + 1, failed, skipped);
            case FAILED -> new HostStats(ok, changed, unreachable, failed + 1, skipped);
            case SKIPPED -> new HostStats(ok, changed, unreachable, failed, skipped + 1);
        };
    }
}
