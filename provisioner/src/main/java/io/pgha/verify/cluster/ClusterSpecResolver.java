package io.pgha.verify.cluster;

import io.pgha.inventory.Inventory;
import io.pgha.inventory.InventoryHost;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a {@link ClusterSpec} from a loaded inventory and the secrets file's values. Ports and names are
 * per-host variables with the roles' defaults, so a lab, real servers and a loopback cluster (one address,
 * different ports) all work.
 */
public final class ClusterSpecResolver {
    static final int DEFAULT_POSTGRESQL_PORT = 5432;
    static final int DEFAULT_RESTAPI_PORT = 8008;
    static final int DEFAULT_HAPROXY_PRIMARY_PORT = 5000;
    static final int DEFAULT_HAPROXY_REPLICA_PORT = 5001;
    static final int DEFAULT_HAPROXY_STATS_PORT = 7000;
    static final int DEFAULT_ETCD_CLIENT_PORT = 2379;
    static final long DEFAULT_MAX_LAG_BYTES = 16L * 1024 * 1024;
    /** The haproxy and etcd roles' defaults (roles/haproxy/defaults.yml, roles/etcd/defaults.yml). */
    static final long DEFAULT_INTER_MS = 1000;
    static final long DEFAULT_FASTINTER_MS = 250;
    static final long DEFAULT_DOWNINTER_MS = 500;
    static final long DEFAULT_ETCD_ELECTION_MS = 1500;

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m)?");

    public ClusterSpec resolve(Inventory inventory, Map<String, String> secrets) {
        String pgGroup = groupName(inventory, VarNames.PATRONI_GROUP, VarNames.GROUP_POSTGRES);
        List<InventoryHost> pgHosts = hostsOf(inventory, pgGroup)
                .orElseGet(() -> hostsOf(inventory, "all").orElse(inventory.hosts()));
        if (pgHosts.isEmpty()) {
            throw new ClusterSpecException(inventory.file() + ": no hosts in group '" + pgGroup
                    + "' (or 'all'): add the cluster members to the inventory");
        }
        List<InventoryHost> etcdHosts = hostsOf(inventory, groupName(inventory, VarNames.ETCD_GROUP,
                VarNames.GROUP_ETCD)).orElse(pgHosts);

        List<Member> members = new ArrayList<>();
        for (InventoryHost h : pgHosts) {
            members.add(new Member(h.name(), h.connection().address(),
                    port(h, VarNames.POSTGRESQL_PORT, DEFAULT_POSTGRESQL_PORT),
                    port(h, VarNames.PATRONI_RESTAPI_PORT, DEFAULT_RESTAPI_PORT),
                    port(h, VarNames.HAPROXY_PRIMARY_PORT, DEFAULT_HAPROXY_PRIMARY_PORT),
                    port(h, VarNames.HAPROXY_REPLICA_PORT, DEFAULT_HAPROXY_REPLICA_PORT),
                    port(h, VarNames.HAPROXY_STATS_PORT, DEFAULT_HAPROXY_STATS_PORT),
                    h.connection()));
        }
        List<EtcdEndpoint> etcd = etcdHosts.stream()
                .map(h -> new EtcdEndpoint(h.name(), h.connection().address(),
                        port(h, VarNames.ETCD_CLIENT_PORT, DEFAULT_ETCD_CLIENT_PORT)))
                .toList();

        InventoryHost first = pgHosts.get(0);
        String file = inventory.file().toString();
        Credentials superuser = new Credentials(string(first, VarNames.SUPERUSER, "postgres"),
                secret(secrets, VarNames.SUPERUSER_PASSWORD, file));
        Credentials rest = new Credentials(string(first, VarNames.REST_USER, "patroni"),
                secret(secrets, VarNames.REST_PASSWORD, file));
        Credentials stats = new Credentials(string(first, VarNames.STATS_USER, "haproxy"),
                secret(secrets, VarNames.STATS_PASSWORD, file));
        Optional<String> fault = Optional.ofNullable(first.vars().get(VarNames.FAULT_COMMAND))
                .map(Object::toString).map(String::strip).filter(s -> !s.isEmpty());
        return new ClusterSpec(inventory.file(), members, etcd, superuser, rest, stats,
                string(first, VarNames.HAPROXY_STATS_URI, "/"),
                string(first, VarNames.HAPROXY_PRIMARY_BACKEND, "primary"),
                fault, faultActions(first), bool(first, VarNames.ALLOW_SYSRQ_CRASH),
                longValue(first, VarNames.MAX_LAG_BYTES, DEFAULT_MAX_LAG_BYTES),
                new ClusterSpec.HaproxyIntervals(millis(first, VarNames.HAPROXY_INTER, DEFAULT_INTER_MS),
                        millis(first, VarNames.HAPROXY_FASTINTER, DEFAULT_FASTINTER_MS),
                        millis(first, VarNames.HAPROXY_DOWNINTER, DEFAULT_DOWNINTER_MS),
                        longValue(first, VarNames.ETCD_ELECTION_TIMEOUT, DEFAULT_ETCD_ELECTION_MS)),
                Optional.ofNullable(first.vars().get(VarNames.KNOWN_HOSTS)).map(Object::toString)
                        .filter(s -> !s.isBlank()).map(s -> inventory.file().toAbsolutePath().getParent()
                                .resolve(s).normalize()));
    }

    /** Default: what the lab's fault helper does (host-level faults); service faults then go over SSH. */
    static final List<String> DEFAULT_FAULT_ACTIONS = List.of("crash", "poweroff", "start", "partition", "heal");

    private static Set<String> faultActions(InventoryHost h) {
        Object v = h.vars().get(VarNames.FAULT_COMMAND_ACTIONS);
        if (v == null) {
            return Set.copyOf(DEFAULT_FAULT_ACTIONS);
        }
        if (v instanceof List<?> list) {
            return list.stream().map(Object::toString).collect(java.util.stream.Collectors.toUnmodifiableSet());
        }
        return Set.of(v.toString().split("[,\\s]+"));
    }

    /** A group renamed in the inventory's variables (as the roles allow), else the default name. */
    private static String groupName(Inventory inventory, String variable, String fallback) {
        return inventory.hosts().stream().map(h -> h.vars().get(variable)).filter(v -> v != null)
                .map(Object::toString).findFirst().orElse(fallback);
    }

    private static Optional<List<InventoryHost>> hostsOf(Inventory inventory, String group) {
        List<String> names = inventory.groups().get(group);
        if (names == null || names.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(names.stream()
                .map(n -> inventory.hosts().stream().filter(h -> h.name().equals(n)).findFirst().orElseThrow())
                .toList());
    }

    private static String secret(Map<String, String> secrets, String name, String inventoryFile) {
        String value = secrets.get(name);
        if (value == null || value.isEmpty()) {
            throw new ClusterSpecException("secret '" + name + "' is missing from the secrets file beside "
                    + inventoryFile + ": run `pgha provision` first (it generates the secrets), or add it");
        }
        return value;
    }

    private static String string(InventoryHost h, String key, String fallback) {
        Object v = h.vars().get(key);
        return v == null ? fallback : v.toString();
    }

    private static boolean bool(InventoryHost h, String key) {
        Object v = h.vars().get(key);
        return v instanceof Boolean b ? b : v != null && Boolean.parseBoolean(v.toString());
    }

    private static int port(InventoryHost h, String key, int fallback) {
        long v = longValue(h, key, fallback);
        if (v < 1 || v > 65535) {
            throw new ClusterSpecException("host " + h.name() + ": variable '" + key + "' is " + v
                    + ", expected a TCP port between 1 and 65535");
        }
        return (int) v;
    }

    private static long longValue(InventoryHost h, String key, long fallback) {
        Object v = h.vars().get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n) {
            return n.longValue();
        }
        try {
            return Long.parseLong(v.toString().strip());
        } catch (NumberFormatException e) {
            throw new ClusterSpecException("host " + h.name() + ": variable '" + key + "' is '" + v
                    + "', expected a whole number");
        }
    }

    /** HAProxy time values: plain milliseconds or with a unit (ms, s, m), as haproxy.cfg writes them. */
    static long millis(InventoryHost h, String key, long fallback) {
        Object v = h.vars().get(key);
        if (v == null) {
            return fallback;
        }
        Matcher m = DURATION.matcher(v.toString().strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new ClusterSpecException("host " + h.name() + ": variable '" + key + "' is '" + v
                    + "', expected an HAProxy time such as 1000, 500ms, 3s");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "ms" : m.group(2);
        return switch (unit) {
            case "s" -> n * 1000;
            case "m" -> n * 60_000;
            default -> n;
        };
    }
}
