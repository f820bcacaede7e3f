package io.pgha.verify.probe;

/**
 * One member as Patroni's {@code /cluster} reports it.
 *
 * @param role      {@code leader}, {@code sync_standby}, {@code replica}, ... (as Patroni names it)
 * @param timeline  null when Patroni does not know it (e.g. PostgreSQL is down)
 * @param lagBytes  replication lag in bytes; null for the leader or when Patroni reports "unknown"
 */
public record PatroniMember(String name, String role, String state, String host, int port, Integer timeline,
                            Long lagBytes) {

    public boolean isLeader() {
        return "leader".equals(role) || "master".equals(role) || "primary".equals(role);
    }

    public boolean isReplica() {
        return "replica".equals(role) || "sync_standby".equals(role) || "quorum_standby".equals(role);
    }

    /** Patroni 3.0.x says "running" for a healthy replica; newer versions say "streaming". */
    public boolean isReplicaRunning() {
        return "streaming".equals(state) || "running".equals(state);
    }
}
