package io.pgha.verify;

import io.pgha.verify.probe.EtcdClient;
import io.pgha.verify.probe.PatroniMember;

import java.util.List;

/**
 * A snapshot of the cluster: Patroni's member table, etcd health and where each HAProxy sends the primary port.
 *
 * @param askedVia       the member whose REST API answered {@code /cluster}, or null if none did
 * @param patroniErrors  why members did not answer
 */
public record ClusterStatus(String askedVia, List<PatroniMember> members, List<String> patroniErrors,
                            List<EtcdClient.Health> etcd, List<Routing> routing) {

    /** Where one member's HAProxy sends its primary port: the UP servers of the primary backend, or an error. */
    public record Routing(String member, int port, List<String> upServers, String error) {
    }
}
