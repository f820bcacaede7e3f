package io.pgha.verify.cluster;

import io.pgha.transport.ConnectionSpec;

/**
 * One PostgreSQL/Patroni/HAProxy member as verification sees it: where each of its services listens.
 *
 * @param name       inventory name (also Patroni's member name)
 * @param address    address the services are reached at
 * @param connection SSH connection, for fault injection over SSH
 */
public record Member(String name, String address, int postgresPort, int restPort, int haproxyPrimaryPort,
                     int haproxyReplicaPort, int haproxyStatsPort, ConnectionSpec connection) {

    public String restUrl() {
        return "http://" + hostForUrl() + ":" + restPort;
    }

    public String statsUrl(String uri) {
        return "http://" + hostForUrl() + ":" + haproxyStatsPort + uri;
    }

    private String hostForUrl() {
        return address.contains(":") ? "[" + address + "]" : address;
    }

    @Override
    public String toString() {
        return name + " (" + address + ")";
    }
}
