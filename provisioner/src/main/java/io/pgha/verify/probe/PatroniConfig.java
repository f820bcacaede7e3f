package io.pgha.verify.probe;

/** The dynamic configuration in the DCS ({@code GET /config}); seconds as Patroni stores them. */
public record PatroniConfig(int ttl, int loopWait, int retryTimeout, boolean synchronousMode,
                            long maximumLagOnFailover, int primaryStartTimeout) {

    /** Patroni's rule; a violating config is silently rewritten by Patroni 3.2+, so it is checked live. */
    public boolean timingRuleHolds() {
        return loopWait + 2 * retryTimeout <= ttl;
    }
}
