package io.pgha.verify.drill;

import io.pgha.verify.checks.Poll;
import io.pgha.verify.cluster.Member;
import io.pgha.verify.probe.ClusterProbes;
import io.pgha.verify.probe.PatroniMember;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Polls Patroni's view for the moments a drill measures: a new leader, and the old one back as a replica. */
final class ClusterWatch {
    private static final Duration INTERVAL = Duration.ofMillis(100);

    private final ClusterProbes probes;

    ClusterWatch(ClusterProbes probes) {
        this.probes = probes;
    }

    /**
     * A running leader that is another member than {@code oldLeader}, or the same member on a later timeline
     * (it came back and promoted again). Asked only through {@code askVia}: a cut-off old leader's own view is
     * stale.
     */
    Optional<PatroniMember> awaitNewLeader(String oldLeader, int oldTimeline, List<Member> askVia, Duration deadline) {
        PatroniMember[] found = new PatroniMember[1];
        Poll.Outcome o = Poll.until(deadline, INTERVAL, () -> {
            ClusterProbes.ClusterView v = probes.clusterView(askVia);
            for (PatroniMember m : v.members()) {
                if (m.isLeader() && "running".equals(m.state()) && (!m.name().equals(oldLeader)
                        || (m.timeline() != null && m.timeline() > oldTimeline))) {
                    found[0] = m;
                    return Poll.Attempt.done(m.name());
                }
            }
            return Poll.Attempt.notYet("no new leader");
        });
        return o.done() ? Optional.of(found[0]) : Optional.empty();
    }

    /**
     * The member is a replica in a running/streaming state on the leader's timeline, which is later than
     * {@code oldTimeline} (the promotion started a new one); returns that timeline.
     */
    Optional<Integer> awaitRejoined(String member, int oldTimeline, Duration deadline) {
        Integer[] timeline = new Integer[1];
        boolean ok = Poll.until(deadline, Duration.ofMillis(250), () -> {
            List<PatroniMember> all = probes.clusterView().members();
            Optional<PatroniMember> leader = all.stream().filter(PatroniMember::isLeader).findFirst();
            Optional<PatroniMember> m = all.stream().filter(x -> x.name().equals(member)).findFirst();
            boolean done = leader.isPresent() && m.isPresent() && m.get().isReplica() && m.get().isReplicaRunning()
                    && leader.get().timeline() != null && leader.get().timeline() > oldTimeline
                    && leader.get().timeline().equals(m.get().timeline());
            timeline[0] = leader.map(PatroniMember::timeline).orElse(null);
            return done ? Poll.Attempt.done(member) : Poll.Attempt.notYet(member);
        }).done();
        return ok ? Optional.ofNullable(timeline[0]) : Optional.empty();
    }

    /** Current single running leader, if any. */
    Optional<PatroniMember> leader() {
        List<PatroniMember> leaders = runningLeaders(probes.clusterView());
        return leaders.size() == 1 ? Optional.of(leaders.get(0)) : Optional.empty();
    }

    private static List<PatroniMember> runningLeaders(ClusterProbes.ClusterView view) {
        return view.members().stream().filter(m -> m.isLeader() && "running".equals(m.state())).toList();
    }

    /**
     * The single running leader, asked again until the deadline: a slow member (a VM under emulation) may
     * answer late, or for a moment without one, just after the health gate saw one.
     *
     * @throws IllegalStateException naming what the members answered, if there is none by then
     */
    PatroniMember awaitLeader(Duration deadline) {
        PatroniMember[] found = new PatroniMember[1];
        Poll.Outcome o = Poll.until(deadline, Duration.ofMillis(250), () -> {
            ClusterProbes.ClusterView v = probes.clusterView();
            List<PatroniMember> leaders = runningLeaders(v);
            if (leaders.size() == 1) {
                found[0] = leaders.get(0);
                return Poll.Attempt.done(found[0].name());
            }
            return Poll.Attempt.notYet(!v.answered() ? "no member answered GET /cluster: " + v.errors()
                    : leaders.size() + " running leaders: " + v.members().stream()
                            .map(m -> m.name() + " " + m.role() + " " + m.state()).toList());
        });
        if (!o.done()) {
            throw new IllegalStateException("no single running leader within " + deadline.toSeconds() + " s: "
                    + o.last().observed());
        }
        return found[0];
    }
}
