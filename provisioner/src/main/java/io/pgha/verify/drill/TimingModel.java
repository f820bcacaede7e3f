package io.pgha.verify.drill;

/**
 * Expected write outage (fault to first write through HAProxy) from the live settings, in the spirit of
 * Pigsty's published model, as the sum of independent phases:
 * <ul>
 *   <li><b>lock expiry</b> (crash, partition, kill without restart): the leader refreshed its key between 0 and
 *   loop_wait before the fault, so the key expires ttl-loop_wait .. ttl after it;</li>
 *   <li><b>release</b> (clean stop, switchover): PostgreSQL's shutdown checkpoint, then the key is deleted;</li>
 *   <li><b>election</b>: a replica acts on its next cycle, 0 .. loop_wait;</li>
 *   <li><b>promotion</b> of PostgreSQL: 0.5 .. 2 s;</li>
 *   <li><b>HAProxy</b>: the new primary's first good check comes within one inter, then rise-1 more at
 *   fastinter.</li>
 * </ul>
 * A killed Patroni restarted by systemd while it still holds the key takes the <b>restart</b> path instead:
 * the same member starts PostgreSQL again (crash recovery) and keeps the lead.
 */
public final class TimingModel {
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
        double inter = s.interMs() / 1000.0;
        return new Estimate(steps, steps + inter / 2, steps + inter);
    }

    public Estimate lockExpiry() {
        return new Estimate(s.ttl() - s.loopWait(), s.ttl() - s.loopWait() / 2.0, s.ttl());
    }

    public Estimate election() {
        return new Estimate(0, s.loopWait() / 2.0, s.loopWait());
    }

    /** Host crash, network partition, or Patroni + PostgreSQL killed and not restarted. */
    public Estimate nodeCrash() {
        return lockExpiry().plus(election()).plus(PROMOTION).plus(haproxyMarkUp());
    }

    /** Patroni + PostgreSQL killed and restarted by systemd before the key expires: the same member recovers. */
    public Estimate killRestarted() {
        return RESTART.plus(election()).plus(haproxyMarkUp());
    }

    /** Patroni stopped cleanly: it stops PostgreSQL and hands the key back at once. */
    public Estimate cleanStop() {
        return SHUTDOWN.plus(election()).plus(PROMOTION).plus(haproxyMarkUp());
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
            case KILL_LEADER -> leaderChanged ? nodeCrash() : killRestarted();
            case CRASH_LEADER, PARTITION_LEADER -> nodeCrash();
        };
    }
}
