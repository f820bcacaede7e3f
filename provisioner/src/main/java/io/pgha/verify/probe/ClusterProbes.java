package io.pgha.verify.probe;

import io.pgha.verify.cluster.ClusterSpec;
import io.pgha.verify.cluster.Member;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The probes for one cluster, sharing one HTTP client. */
public final class ClusterProbes {
    private final ClusterSpec spec;
    private final PatroniClient patroni;
    private final EtcdClient etcd;
    private final HaproxyStats haproxy;
    private final Db db;

    public ClusterProbes(ClusterSpec spec) {
        this.spec = spec;
        Http http = Http.withDefaults();
        this.patroni = new PatroniClient(http, spec.restApi());
        this.etcd = new EtcdClient(http);
        this.haproxy = new HaproxyStats(http, spec.haproxyStats(), spec.haproxyStatsUri());
        this.db = new Db(spec.superuser(), Duration.ofSeconds(3));
    }

    public ClusterSpec spec() {
        return spec;
    }

    public PatroniClient patroni() {
        return patroni;
    }

    public EtcdClient etcd() {
        return etcd;
    }

    public HaproxyStats haproxy() {
        return haproxy;
    }

    public Db db() {
        return db;
    }

    /** {@code /cluster} from the first member that answers; the errors of those that did not. */
    public record ClusterView(List<PatroniMember> members, Member answeredBy, List<String> errors) {
        public boolean answered() {
            return answeredBy != null;
        }
    }

    public ClusterView clusterView() {
        return clusterView(spec.members());
    }

    public ClusterView clusterView(List<Member> askOnly) {
        List<String> errors = new ArrayList<>();
        for (Member m : askOnly) {
            try {
                return new ClusterView(patroni.cluster(m), m, errors);
            } catch (ProbeException e) {
                errors.add(e.getMessage());
            }
        }
        return new ClusterView(List.of(), null, errors);
    }
}
