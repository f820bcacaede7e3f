package io.pgha.verify.drill;

/**
 * Expected write outage (fault to first write through HAProxy) from the live settings, as the sum of
 * independent phases, each with a best case, an expected and a worst case:
 * <ul>
 *   <li><b>lock expiry</b> (crash, partition, kill without restart): the leader renewed its key between 0 and
 *   loop_wait before the fault, so the key expires ttl-loop_wait .. ttl after it;</li>
 *   <li><b>etcd election</b> (crash, partition): if the lost host was also etcd's leader, etcd elects another
 *   within about two election timeouts, during which nothing can be written to it;</li>
 *   <li><b>release</b> (clean stop, switchover): PostgreSQL's shutdown checkpoint, then the key is deleted;</li>
 *   <li><b>leader race</b>: Patroni's etcd3 client watches the leader key, so replicas act as soon as it goes
 *   away (not on their next loop, as Pigsty's model assumes); the race asks the other members' REST APIs,
 *   0 .. 2 s;</li>
 *   <li><b>promotion</b> of PostgreSQL: 0.5 .. 2 s;</li>
 *   <li><b>HAProxy</b>: the new primary, checked every downinter while DOWN, answers 200 within one
 *   downinter, then rise-1 more checks at fastinter mark it UP.</li>
 * </ul>
 * A killed Patroni restarted by systemd while it still holds the key takes the <b>restart</b> path instead:
 * the same member starts PostgreSQL again (crash recovery) and keeps the lead after one HA loop.
 */
public final class TimingModel {
    static final Estimate LEADER_RACE = new Estimate(0, 0.5, 2.0);
    static final Estimate PROMOTION = new Estimate(0.5, 1.0, 2.0);
    static final Estimate SHUTDOWN = new Estimate(0.3, 1.0, 3.0);
    static final Estimate RESTART = new Estimate(1.0, 3.0, 6.0);

    private final TimingSettings s;

    public TimingModel(TimingSettings settings) {
        this.s = settings;
    }

    public TimingSettings settings() {
        return s;
    }

    public Estimate haproxyMarkUp() {
        double steps = (s.rise() - 1) * s.fastinterMs() / 1000.0;
        double down = s.downinterMs() / 1000.0;
        return new Estimate(steps, steps + down / 2, steps + down);
    }

    public Estimate lockExpiry() {
        return new Estimate(s.ttl() - s.loopWait(), s.ttl() - s.loopWait() / 2.0, s.ttl());
    }

    public Estimate etcdElection() {
        double t = s.etcdElectionMs() / 1000.0;
        return new Estimate(0, t / 2, 2 * t);
    }

    /** Host crash or network partition of the leader: the lease runs out, etcd may lose its leader too. */
    public Estimate nodeCrash() {
        return lockExpiry().plus(etcdElection()).plus(LEADER_RACE).plus(PROMOTION).plus(haproxyMarkUp());
    }

    /** Patroni + PostgreSQL killed and not restarted in time: the lease runs out, etcd is untouched. */
    public Estimate killNotRestarted() {
        return lockExpiry().plus(LEADER_RACE).plus(PROMOTION).plus(haproxyMarkUp());
    }

    /** Patroni + PostgreSQL killed and restarted by systemd before the key expires: the same member recovers. */
    public Estimate killRestarted() {
        return RESTART.plus(new Estimate(0, s.loopWait() / 2.0, s.loopWait())).plus(haproxyMarkUp());
    }

    /** Patroni stopped cleanly: it stops PostgreSQL and hands the key back at once. */
    public Estimate cleanStop() {
        return SHUTDOWN.plus(LEADER_RACE).plus(PROMOTION).plus(haproxyMarkUp());
    }

    /** Planned switchover through the API: demote, release, the named candidate promotes. */
    public Estimate switchover() {
        return cleanStop();
    }

    /**
     * The estimate for a drill; {@code leaderChanged} picks, for kill-leader, between lock expiry (another
     * member took over) and the restart path (the old leader came back first).
     */
    public Estimate forDrill(DrillKind kind, boolean leaderChanged) {
        return switch (kind) {
            case SWITCHOVER -> switchover();
            case STOP_LEADER -> cleanStop();
            case KILL_LEADER -> leaderChanged ? killNotRestarted() : killRestarted();
            case CRASH_LEADER, PARTITION_LEADER -> nodeCrash();
        };
    }
}
