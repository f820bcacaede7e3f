package io.pgha.verify.drill;

import io.pgha.verify.checks.Poll;
import io.pgha.verify.checks.Verifier;
import io.pgha.verify.checks.VerifyReport;
import io.pgha.verify.cluster.ClusterSpec;
import io.pgha.verify.cluster.Member;
import io.pgha.verify.probe.ClusterProbes;
import io.pgha.verify.probe.Db;
import io.pgha.verify.probe.HaproxyStats;
import io.pgha.verify.probe.Http;
import io.pgha.verify.probe.PatroniConfig;
import io.pgha.verify.probe.PatroniMember;
import io.pgha.verify.probe.ProbeException;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Runs one drill: writer on, fault, measure (new leader, first write back, rejoin), restore, audit the ledger,
 * compare checksums on every node, then a full verify. Every wait polls with a deadline.
 */
public final class DrillRunner {
    private static final Duration WARM_UP = Duration.ofSeconds(20);
    /**
     * The writer behaves like an application with a short connect timeout: a connection stuck on a dead route
     * is given up after 1 s and retried, so the measured gap is the cluster's, not one hung attempt's. A commit
     * may wait up to 5 s (a synchronous standby being replaced) before the writer counts it as failed.
     */
    private static final Duration WRITER_CONNECT_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration WRITER_READ_TIMEOUT = Duration.ofSeconds(5);
    private static final int WARM_UP_WRITES = 20;
    private static final int SETTLE_WRITES = 20;

    private final ClusterProbes probes;
    private final FaultInjector faults;
    private final Duration writeInterval;
    private final Consumer<String> log;

    public DrillRunner(ClusterProbes probes, FaultInjector faults, Duration writeInterval, Consumer<String> log) {
        this.probes = probes;
        this.faults = faults;
        this.writeInterval = writeInterval;
        this.log = log;
    }

    /** The read-only health checks a drill needs to pass before it may break anything. */
    public VerifyReport healthGate(Duration deadline) {
        return new Verifier(probes, deadline).run(Verifier.healthChecks(), r -> { });
    }

    /** Refuses up front a drill whose fault this inventory cannot inject (no half-run drills). */
    public Optional<String> unsupported(DrillKind kind) {
        for (FaultAction a : actionsFor(kind)) {
            if (!faults.supports(a)) {
                return Optional.of(kind.cliName() + " needs the fault '" + a.commandName() + "', which neither "
                        + "pgha_fault_command (see pgha_fault_command_actions) nor SSH can inject here");
            }
        }
        return Optional.empty();
    }

    static List<FaultAction> actionsFor(DrillKind kind) {
        return switch (kind) {
            case SWITCHOVER -> List.of();
            case STOP_LEADER -> List.of(FaultAction.STOP, FaultAction.START_SERVICE);
            case KILL_LEADER -> List.of(FaultAction.KILL, FaultAction.START_SERVICE);
            case CRASH_LEADER -> List.of(FaultAction.CRASH, FaultAction.START);
            case PARTITION_LEADER -> List.of(FaultAction.PARTITION, FaultAction.HEAL);
        };
    }

    public DrillResult run(DrillKind kind) {
        ClusterSpec spec = probes.spec();
        ClusterWatch watch = new ClusterWatch(probes);
        String runId = kind.cliName() + "-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> problems = new ArrayList<>();
        List<DrillEvent> events = new ArrayList<>();

        PatroniMember leader = watch.awaitLeader(Duration.ofSeconds(30));
        Member old = spec.member(leader.name()).orElseThrow(() -> new IllegalStateException(
                "leader " + leader.name() + " is not in the inventory"));
        List<Member> peers = spec.members().stream().filter(m -> !m.name().equals(old.name())).toList();
        Member writerVia = peers.get(0);
        String candidate = candidate(peers);
        int oldTimeline = leader.timeline() == null ? 0 : leader.timeline();
        PatroniConfig config = config(old);
        TimingModel model = new TimingModel(settings(config, writerVia, old.name()));
        Duration failoverDeadline = Duration.ofSeconds((long) Math.ceil(model.nodeCrash().max()) + 30);

        DrillClock clock = new DrillClock();
        Ledger ledger = new Ledger();
        DrillTable table = new DrillTable(probes.db(), runId);
        log.accept(String.format(Locale.ROOT, "%s: leader %s (timeline %d), writer through %s:%d every %d ms",
                kind.cliName(), old.name(), oldTimeline, writerVia.name(), writerVia.haproxyPrimaryPort(),
                writeInterval.toMillis()));
        try {
            table.create(writerVia.address(), writerVia.haproxyPrimaryPort());
        } catch (SQLException e) {
            problems.add("cannot create the drill table through " + writerVia.name() + ":"
                    + writerVia.haproxyPrimaryPort() + ": " + e.getMessage());
            return refused(kind, runId, problems, old, oldTimeline, writerVia, config, model);
        }

        try {
            for (FaultAction action : actionsFor(kind)) {
                faults.prepare(action, old);
            }
        } catch (FaultException e) {
            problems.add("cannot get ready to inject the fault on " + old.name() + ": " + e.getMessage());
            return refused(kind, runId, problems, old, oldTimeline, writerVia, config, model);
        }

        long faultMs = -1;
        long newLeaderMs = -1;
        long restoreMs = -1;
        long rejoinedMs = -1;
        String newLeader = null;
        Integer newTimeline = null;
        // Nothing to undo until the fault is injected.
        boolean restored = true;
        boolean injected = false;
        Db writes = probes.db().forAcknowledgedWrites(WRITER_CONNECT_TIMEOUT, WRITER_READ_TIMEOUT);
        Writer writer = new Writer(writes, writerVia.address(), writerVia.haproxyPrimaryPort(), runId,
                writeInterval, clock, ledger, serverNames());
        writer.start();
        try {
            if (!Poll.until(WARM_UP, writeInterval, () -> ledger.ackedCount() >= WARM_UP_WRITES
                    ? Poll.Attempt.done("") : Poll.Attempt.notYet("")).done()) {
                problems.add("the writer got fewer than " + WARM_UP_WRITES + " writes through " + writerVia.name()
                        + " in " + WARM_UP.toSeconds() + " s before any fault: " + lastError(ledger));
                return refused(kind, runId, problems, old, oldTimeline, writerVia, config, model);
            }

            faultMs = clock.millis();
            events.add(new DrillEvent(faultMs, DrillEvent.Type.FAULT, kind.cliName() + " on " + old.name()));
            log.accept(at(faultMs) + "injecting: " + kind.description());
            restored = kind == DrillKind.SWITCHOVER;
            inject(kind, old, peers, candidate, model);
            injected = true;

            Optional<PatroniMember> next = watch.awaitNewLeader(old.name(), oldTimeline, peers, failoverDeadline);
            if (next.isPresent()) {
                newLeaderMs = clock.millis();
                newLeader = next.get().name();
                newTimeline = next.get().timeline();
                events.add(new DrillEvent(newLeaderMs, DrillEvent.Type.NEW_LEADER, "leader " + newLeader));
                log.accept(at(newLeaderMs) + "new leader " + newLeader);
            } else {
                problems.add("no new leader within " + failoverDeadline.toSeconds() + " s of the fault");
            }
            String servedBy = newLeader;
            long from = faultMs;
            if (!Poll.until(failoverDeadline, writeInterval, () -> ledger.firstAckFrom(from, servedBy).isPresent()
                    ? Poll.Attempt.done("") : Poll.Attempt.notYet("")).done()) {
                problems.add("no write through " + writerVia.name() + ":" + writerVia.haproxyPrimaryPort()
                        + " succeeded within " + failoverDeadline.toSeconds() + " s of the fault: " + lastError(ledger));
            } else {
                Outage o = Outage.of(ledger.snapshot(), faultMs);
                events.add(new DrillEvent(o.recoveryMs(), DrillEvent.Type.WRITES_BACK, "writes back"));
                if (o.writesFailed()) {
                    events.add(new DrillEvent(o.firstFailureMs(), DrillEvent.Type.WRITES_FAIL, "writes fail"));
                }
                log.accept(at(o.recoveryMs()) + "writes back (RTO " + seconds(o.rtoMs()) + ")");
            }

            restoreMs = clock.millis();
            restored = restore(kind, old, peers, problems);
            if (kind != DrillKind.SWITCHOVER) {
                events.add(new DrillEvent(restoreMs, DrillEvent.Type.RESTORE, "restore " + old.name()));
                log.accept(at(restoreMs) + "restored what the fault stopped on " + old.name());
            }
            if (newLeader != null && !newLeader.equals(old.name())) {
                Optional<Integer> tl = watch.awaitRejoined(old.name(), oldTimeline, Duration.ofMinutes(3));
                if (tl.isPresent()) {
                    newTimeline = tl.get();
                    rejoinedMs = clock.millis();
                    events.add(new DrillEvent(rejoinedMs, DrillEvent.Type.REJOINED, old.name() + " rejoined"));
                    log.accept(at(rejoinedMs) + old.name() + " rejoined as a replica on timeline " + newTimeline);
                } else {
                    problems.add(rejoinProblem(watch, old.name(), newLeader));
                }
            }
            long settleFrom = ledger.ackedCount();
            Poll.until(Duration.ofSeconds(10), writeInterval, () -> ledger.ackedCount() >= settleFrom + SETTLE_WRITES
                    ? Poll.Attempt.done("") : Poll.Attempt.notYet(""));
        } catch (FaultException e) {
            problems.add("fault injection failed: " + e.getMessage());
        } finally {
            writer.close();
            if (!restored) {
                restore(kind, old, peers, problems);
            }
        }
        long endMs = clock.millis();
        List<WriteAttempt> attempts = ledger.snapshot();
        // Without a fault there is no outage to measure, only a failed drill.
        Outage outage = injected ? Outage.of(attempts, faultMs) : null;

        Optional<Member> leaderNow = watch.leader().flatMap(l -> spec.member(l.name()));
        LedgerAudit audit = audit(leaderNow, table, attempts, problems);
        Map<String, String> checksums = new LinkedHashMap<>();
        boolean consistent = checksums(table, checksums);
        if (!consistent) {
            problems.add("the drill table differs between nodes: " + checksums);
        }
        if (audit != null && !audit.lost().isEmpty() && config.synchronousMode()) {
            problems.add(audit.lost().size() + " acknowledged writes lost with synchronous_mode on: seqs "
                    + abbreviate(audit.lost()));
        }
        leaderNow.ifPresent(m -> dropTable(table, m));
        VerifyReport after = new Verifier(probes, Duration.ofSeconds(60)).verify(r -> { });
        if (!after.passed()) {
            problems.add("verify after the drill failed: " + String.join("; ",
                    after.failures().stream().map(f -> f.name() + ": " + f.observed()).toList()));
        }
        boolean changed = newLeader != null && !newLeader.equals(old.name());
        return new DrillResult(kind, runId, problems, old.name(), newLeader, oldTimeline, newTimeline,
                writerVia.name() + ":" + writerVia.haproxyPrimaryPort(), config.synchronousMode(), faultMs,
                newLeaderMs, restoreMs, rejoinedMs, endMs, outage, audit, checksums, consistent, model.settings(),
                model.forDrill(kind, changed), events, attempts, after);
    }

    private void inject(DrillKind kind, Member old, List<Member> peers, String candidate, TimingModel model)
            throws FaultException {
        switch (kind) {
            case SWITCHOVER -> {
                try {
                    Http.Reply r = probes.patroni().switchover(old, old.name(), candidate);
                    if (r.status() != 200) {
                        throw new FaultException("POST /switchover on " + old.name() + " answered HTTP " + r.status()
                                + ": " + r.body().strip());
                    }
                } catch (ProbeException e) {
                    throw new FaultException("POST /switchover on " + old.name() + ": " + e.getMessage(), e);
                }
            }
            case STOP_LEADER -> faults.inject(FaultAction.STOP, old, peers, Duration.ZERO);
            case KILL_LEADER -> faults.inject(FaultAction.KILL, old, peers, Duration.ZERO);
            case CRASH_LEADER -> faults.inject(FaultAction.CRASH, old, peers, Duration.ZERO);
            case PARTITION_LEADER -> faults.inject(FaultAction.PARTITION, old, peers, partitionLength(model));
        }
    }

    /** Long enough for a failover to complete, bounded so the cut always heals. */
    static Duration partitionLength(TimingModel model) {
        return Duration.ofSeconds((long) Math.ceil(model.nodeCrash().max()) + 20);
    }

    private boolean restore(DrillKind kind, Member old, List<Member> peers, List<String> problems) {
        FaultAction undo = switch (kind) {
            case SWITCHOVER -> null;
            case STOP_LEADER, KILL_LEADER -> FaultAction.START_SERVICE;
            case CRASH_LEADER -> FaultAction.START;
            case PARTITION_LEADER -> FaultAction.HEAL;
        };
        if (undo == null) {
            return true;
        }
        try {
            faults.inject(undo, old, peers, Duration.ZERO);
            return true;
        } catch (FaultException e) {
            problems.add("could not restore " + old.name() + ": " + e.getMessage());
            return false;
        }
    }

    /** Why the old leader is not a replica now; a leader that took the lead back is worse than a slow rejoin. */
    static String rejoinProblem(ClusterWatch watch, String oldLeader, String newLeader) {
        Optional<PatroniMember> now = watch.leader();
        if (now.isPresent() && now.get().name().equals(oldLeader)) {
            return oldLeader + " took the leader key back after the fault ended (timeline " + now.get().timeline()
                    + ") and " + newLeader + " was demoted: writes acknowledged by " + newLeader + " in between are "
                    + "discarded (see lost writes). Patroni 3.0.x's etcd3 client renews a lost key with an "
                    + "unconditional put (later versions compare the owner in a transaction); upgrade Patroni, and "
                    + "use a watchdog so a paused leader cannot resume as leader";
        }
        return oldLeader + " did not rejoin as a streaming replica on the new timeline within 180 s: look at "
                + "`journalctl -u patroni` on it (pg_rewind output)";
    }

    private LedgerAudit audit(Optional<Member> leader, DrillTable table, List<WriteAttempt> attempts,
                              List<String> problems) {
        if (leader.isEmpty()) {
            problems.add("no single leader after the drill to read the written rows from");
            return null;
        }
        try {
            LedgerAudit a = LedgerAudit.of(attempts, table.rows(leader.get().address(), leader.get().postgresPort()));
            if (!a.phantom().isEmpty() || !a.duplicates().isEmpty()) {
                problems.add("rows the writer never wrote once: phantom " + abbreviate(a.phantom()) + ", duplicates "
                        + abbreviate(a.duplicates()));
            }
            return a;
        } catch (SQLException e) {
            problems.add("cannot read the drill table on " + leader.get().name() + ": " + e.getMessage());
            return null;
        }
    }

    /** Polls until every node has the same rows (replicas may still be replaying). */
    private boolean checksums(DrillTable table, Map<String, String> out) {
        return Poll.until(Duration.ofSeconds(60), Duration.ofMillis(500), () -> {
            out.clear();
            for (Member m : probes.spec().members()) {
                try {
                    out.put(m.name(), table.checksum(m));
                } catch (SQLException e) {
                    out.put(m.name(), "error: " + e.getMessage());
                }
            }
            boolean same = out.values().stream().distinct().count() == 1
                    && !out.values().iterator().next().startsWith("error");
            return same ? Poll.Attempt.done("") : Poll.Attempt.notYet("");
        }).done();
    }

    private void dropTable(DrillTable table, Member leader) {
        try {
            table.dropRun(leader.address(), leader.postgresPort());
        } catch (SQLException e) {
            log.accept("warning: could not delete this run's rows from " + DrillTable.NAME + ": " + e.getMessage());
        }
    }

    private DrillResult refused(DrillKind kind, String runId, List<String> problems, Member old, int tl,
                                Member writerVia, PatroniConfig config, TimingModel model) {
        return new DrillResult(kind, runId, problems, old.name(), null, tl, null,
                writerVia.name() + ":" + writerVia.haproxyPrimaryPort(), config.synchronousMode(), -1, -1, -1, -1, 0,
                null, null, Map.of(), false, model.settings(), model.forDrill(kind, true), List.of(), List.of(),
                null);
    }

    /** The switchover target: the synchronous standby if there is one (Patroni allows no other), else a replica. */
    private String candidate(List<Member> peers) {
        List<PatroniMember> members = probes.clusterView().members();
        for (Member p : peers) {
            if (members.stream().anyMatch(m -> m.name().equals(p.name()) && "sync_standby".equals(m.role())
                    && m.isReplicaRunning())) {
                return p.name();
            }
        }
        for (Member p : peers) {
            if (members.stream().anyMatch(m -> m.name().equals(p.name()) && m.isReplica() && m.isReplicaRunning())) {
                return p.name();
            }
        }
        return peers.get(0).name();
    }

    /** The live dynamic configuration, from the leader or, failing that, any member. */
    private PatroniConfig config(Member leader) {
        List<Member> askOrder = new ArrayList<>(List.of(leader));
        probes.spec().members().stream().filter(m -> !m.name().equals(leader.name())).forEach(askOrder::add);
        for (Member m : askOrder) {
            try {
                return probes.patroni().config(m);
            } catch (ProbeException e) {
                // Ask the next member.
            }
        }
        throw new IllegalStateException("no member answered GET /config");
    }

    /** Live Patroni config, HAProxy rise/fall from the writer's HAProxy, inter/fastinter from the inventory. */
    private TimingSettings settings(PatroniConfig c, Member haproxyOn, String server) {
        int rise = 2;
        int fall = 3;
        try {
            List<HaproxyStats.ServerRow> rows = probes.haproxy().servers(haproxyOn);
            Optional<HaproxyStats.ServerRow> row = rows.stream()
                    .filter(r -> r.proxy().equals(probes.spec().haproxyPrimaryBackend()) && r.server().equals(server))
                    .findFirst();
            if (row.isPresent() && row.get().rise() != null) {
                rise = row.get().rise();
                fall = row.get().fall();
            }
        } catch (ProbeException e) {
            log.accept("warning: HAProxy stats on " + haproxyOn.name() + " unreadable (" + e.getMessage()
                    + "); modelling with HAProxy's default rise 2 / fall 3");
        }
        ClusterSpec.HaproxyIntervals iv = probes.spec().haproxyTiming();
        return new TimingSettings(c.ttl(), c.loopWait(), c.retryTimeout(), iv.interMillis(), iv.fastinterMillis(),
                iv.downinterMillis(), rise, fall, iv.etcdElectionMillis());
    }

    /** "address:port" of every member's PostgreSQL to its name, as the writer's RETURNING reports it. */
    private Map<String, String> serverNames() {
        Map<String, String> names = new HashMap<>();
        for (Member m : probes.spec().members()) {
            names.put(m.address() + ":" + m.postgresPort(), m.name());
            try {
                names.put(java.net.InetAddress.getByName(m.address()).getHostAddress() + ":" + m.postgresPort(),
                        m.name());
            } catch (java.net.UnknownHostException e) {
                // The name form is already there.
            }
        }
        return names;
    }

    private static String lastError(Ledger ledger) {
        List<WriteAttempt> all = ledger.snapshot();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (!all.get(i).acked()) {
                return "last error: " + all.get(i).error();
            }
        }
        return "no error recorded";
    }

    private static String at(long ms) {
        return String.format(Locale.ROOT, "[%7.2f s] ", ms / 1000.0);
    }

    private static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.2f s", ms / 1000.0);
    }

    static String abbreviate(List<Long> seqs) {
        return seqs.size() <= 20 ? seqs.toString() : seqs.subList(0, 20) + " ... (" + seqs.size() + " in all)";
    }
}
