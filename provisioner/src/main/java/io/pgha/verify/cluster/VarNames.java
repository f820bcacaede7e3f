package io.pgha.verify.cluster;

/**
 * The inventory variable and secret names that verification reads, in one place, so they follow the
 * names the roles use (roles/*&#47;defaults.yml and meta.yml).
 */
public final class VarNames {
    private VarNames() {
    }

    /** Group whose hosts run PostgreSQL + Patroni + HAProxy (default below); falls back to {@code all}. */
    public static final String GROUP_POSTGRES = "postgres";
    /** Group whose hosts run etcd (default below); falls back to the PostgreSQL group. */
    public static final String GROUP_ETCD = "etcd";
    /** Variables that rename those groups, as the roles read them. */
    public static final String PATRONI_GROUP = "patroni_group";
    public static final String ETCD_GROUP = "etcd_group";

    public static final String POSTGRESQL_PORT = "postgresql_port";
    public static final String PATRONI_RESTAPI_PORT = "patroni_restapi_port";
    public static final String HAPROXY_PRIMARY_PORT = "haproxy_primary_port";
    public static final String HAPROXY_REPLICA_PORT = "haproxy_replica_port";
    public static final String HAPROXY_STATS_PORT = "haproxy_stats_port";
    public static final String HAPROXY_STATS_URI = "haproxy_stats_uri";
    public static final String HAPROXY_PRIMARY_BACKEND = "haproxy_primary_backend";
    public static final String HAPROXY_INTER = "haproxy_check_inter";
    public static final String HAPROXY_FASTINTER = "haproxy_check_fastinter";
    public static final String HAPROXY_DOWNINTER = "haproxy_check_downinter";
    public static final String ETCD_ELECTION_TIMEOUT = "etcd_election_timeout";
    public static final String ETCD_CLIENT_PORT = "etcd_client_port";

    public static final String SUPERUSER = "postgresql_superuser";
    public static final String REST_USER = "patroni_restapi_username";
    public static final String STATS_USER = "haproxy_stats_user";

    /** Secrets (pgha-secrets.yml). */
    public static final String SUPERUSER_PASSWORD = "postgresql_superuser_password";
    public static final String REST_PASSWORD = "patroni_restapi_password";
    public static final String STATS_PASSWORD = "haproxy_stats_password";

    /** Fault injection: a local command template with {action} and {host}; empty means SSH. */
    public static final String FAULT_COMMAND = "pgha_fault_command";
    /** known_hosts file for SSH, relative to the inventory (the engine reads the same variable). */
    public static final String KNOWN_HOSTS = "pgha_known_hosts";
    /** The {action}s the fault command handles; the others go over SSH. */
    public static final String FAULT_COMMAND_ACTIONS = "pgha_fault_command_actions";
    /** Opt-in for a real kernel crash over SSH (sysrq), never on by default. */
    public static final String ALLOW_SYSRQ_CRASH = "pgha_fault_allow_sysrq";
    /** Largest replica lag verify accepts, in bytes. */
    public static final String MAX_LAG_BYTES = "pgha_verify_max_lag_bytes";
}
