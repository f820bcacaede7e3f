package io.pgha.verify;

import io.pgha.verify.cluster.Member;
import io.pgha.verify.probe.ClusterProbes;
import io.pgha.verify.probe.EtcdClient;
import io.pgha.verify.probe.HaproxyStats;
import io.pgha.verify.probe.ProbeException;

import java.util.ArrayList;
import java.util.List;

/** Reads a {@link ClusterStatus} through the REST APIs only (no SSH, no SQL): safe and fast. */
public final class StatusCollector {
    private final ClusterProbes probes;

    public StatusCollector(ClusterProbes probes) {
        this.probes = probes;
    }

    public ClusterStatus collect() {
        ClusterProbes.ClusterView view = probes.clusterView();
        List<EtcdClient.Health> etcd = probes.spec().etcd().parallelStream().map(probes.etcd()::health).toList();
        List<ClusterStatus.Routing> routing = new ArrayList<>();
        for (Member m : probes.spec().members()) {
            routing.add(routing(m));
        }
        return new ClusterStatus(view.answered() ? view.answeredBy().name() : null, view.members(), view.errors(),
                etcd, routing);
    }

    public ClusterStatus.Routing routing(Member m) {
        String backend = probes.spec().haproxyPrimaryBackend();
        try {
            List<HaproxyStats.ServerRow> rows = probes.haproxy().servers(m);
            if (HaproxyStats.anyServerOf(rows, backend).isEmpty()) {
                return new ClusterStatus.Routing(m.name(), m.haproxyPrimaryPort(), List.of(),
                        "no proxy named '" + backend + "' in HAProxy's stats (set haproxy_primary_backend)");
            }
            return new ClusterStatus.Routing(m.name(), m.haproxyPrimaryPort(),
                    HaproxyStats.upServers(rows, backend), null);
        } catch (ProbeException e) {
            return new ClusterStatus.Routing(m.name(), m.haproxyPrimaryPort(), List.of(), e.getMessage());
        }
    }
}
