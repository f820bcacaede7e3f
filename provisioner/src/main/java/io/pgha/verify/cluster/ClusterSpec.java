package io.pgha.verify.cluster;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything verification needs to reach one cluster, resolved from the inventory and the secrets file.
 *
 * @param inventoryFile   the inventory (reports go beside it)
 * @param faultCommand    local fault command template, empty when faults go over SSH
 * @param faultCommandActions the actions that command handles (the others go over SSH)
 * @param allowSysrqCrash whether crash-leader over SSH may really crash the kernel
 * @param maxLagBytes     largest replica lag verify accepts
 * @param haproxyTiming   the HAProxy check intervals from the inventory (rise/fall are read live)
 * @param knownHosts      the inventory's pgha_known_hosts, resolved against its folder
 */
public record ClusterSpec(Path inventoryFile, List<Member> members, List<EtcdEndpoint> etcd, Credentials superuser,
                          Credentials restApi, Credentials haproxyStats, String haproxyStatsUri,
                          String haproxyPrimaryBackend, Optional<String> faultCommand, Set<String> faultCommandActions,
                          boolean allowSysrqCrash,
                          long maxLagBytes, HaproxyIntervals haproxyTiming, Optional<Path> knownHosts) {

    public ClusterSpec {
        members = List.copyOf(members);
        etcd = List.copyOf(etcd);
    }

    public Optional<Member> member(String name) {
        return members.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /**
     * The check intervals in milliseconds: HAProxy's (rise and fall are read live from its stats) and etcd's
     * election timeout, which a crash of the etcd leader adds.
     */
    public record HaproxyIntervals(long interMillis, long fastinterMillis, long downinterMillis,
                                   long etcdElectionMillis) {
    }
}
