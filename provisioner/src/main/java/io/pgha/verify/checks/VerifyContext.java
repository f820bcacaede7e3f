package io.pgha.verify.checks;

import io.pgha.verify.cluster.ClusterSpec;
import io.pgha.verify.cluster.Member;
import io.pgha.verify.probe.ClusterProbes;
import io.pgha.verify.probe.PatroniMember;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the checks of one verify run share: the probes, the polling deadline, and the rows the write check
 * put in the scratch table for the read check to find.
 */
public final class VerifyContext {
    /** The scratch table verify writes to and drops at the end. */
    public static final String SCRATCH_TABLE = "pgha_verify_scratch";

    private final ClusterProbes probes;
    private final Duration deadline;
    private final List<String> writtenIds = new ArrayList<>();

    public VerifyContext(ClusterProbes probes, Duration deadline) {
        this.probes = probes;
        this.deadline = deadline;
    }

    public ClusterProbes probes() {
        return probes;
    }

    public ClusterSpec spec() {
        return probes.spec();
    }

    /** How long a polling check may wait for the cluster to settle. */
    public Duration deadline() {
        return deadline;
    }

    public List<String> writtenIds() {
        return writtenIds;
    }

    /** The single running leader in Patroni's view right now, if there is exactly one. */
    public Optional<PatroniMember> leader() {
        List<PatroniMember> leaders = probes.clusterView().members().stream().filter(PatroniMember::isLeader).toList();
        return leaders.size() == 1 ? Optional.of(leaders.get(0)) : Optional.empty();
    }

    public Optional<Member> inventoryMember(String patroniName) {
        return spec().member(patroniName);
    }
}
