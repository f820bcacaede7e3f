package io.pgha.verify.drill;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TimingModelTest {
    /** Patroni's defaults with autobase's HAProxy checks (inter 3s, fastinter 1s, rise 4, fall 3). */
    private static final TimingModel DEFAULTS = new TimingModel(new TimingSettings(30, 10, 10, 3000, 1000, 4, 3));

    @Test
    void haproxyMarksTheNewPrimaryUpAfterRiseMinusOneFastChecksPlusUpToOneInter() {
        Estimate e = DEFAULTS.haproxyMarkUp();

        assertThat(e.min()).isEqualTo(3.0);
        assertThat(e.avg()).isEqualTo(4.5);
        assertThat(e.max()).isEqualTo(6.0);
    }

    @Test
    void nodeCrashWithPatroniDefaultsIsCloseToPigstysPublishedModel() {
        Estimate e = DEFAULTS.nodeCrash();

        // Pigsty publishes 22 / 34 / 46 s for 30/10/10.
        assertThat(e.min()).isCloseTo(22, within(2.0));
        assertThat(e.avg()).isCloseTo(34, within(2.0));
        assertThat(e.max()).isCloseTo(46, within(2.5));
        // The arithmetic: lock expiry 20..30, election 0..10, promotion 0.5..2, HAProxy 3..6.
        assertThat(e.min()).isEqualTo(20 + 0 + 0.5 + 3);
        assertThat(e.max()).isEqualTo(30 + 10 + 2 + 6);
    }

    @Test
    void shorterTtlAndLoopWaitShortenTheCrashEstimate() {
        TimingModel fast = new TimingModel(new TimingSettings(20, 2, 5, 2000, 500, 2, 3));

        assertThat(fast.nodeCrash().max()).isLessThan(DEFAULTS.nodeCrash().max());
        assertThat(fast.nodeCrash().min()).isEqualTo(18 + 0 + 0.5 + 0.5);
    }

    @Test
    void cleanStopAndSwitchoverDoNotWaitForTheLease() {
        assertThat(DEFAULTS.cleanStop().max()).isLessThan(DEFAULTS.lockExpiry().min() + DEFAULTS.haproxyMarkUp().max());
        assertThat(DEFAULTS.forDrill(DrillKind.SWITCHOVER, true)).isEqualTo(DEFAULTS.switchover());
    }

    @Test
    void killLeaderUsesTheRestartPathWhenTheSameMemberCameBack() {
        assertThat(DEFAULTS.forDrill(DrillKind.KILL_LEADER, false)).isEqualTo(DEFAULTS.killRestarted());
        assertThat(DEFAULTS.forDrill(DrillKind.KILL_LEADER, true)).isEqualTo(DEFAULTS.nodeCrash());
        assertThat(DEFAULTS.forDrill(DrillKind.PARTITION_LEADER, true)).isEqualTo(DEFAULTS.nodeCrash());
    }

    @Test
    void estimatesPrintAsMinAvgMax() {
        assertThat(new Estimate(1, 2.25, 3).toString()).isEqualTo("1.0 / 2.3 / 3.0 s");
    }
}
