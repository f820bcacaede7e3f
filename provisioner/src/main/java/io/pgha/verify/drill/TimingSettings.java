package io.pgha.verify.drill;

/**
 * The live settings that bound failover time: Patroni's dynamic config and HAProxy's checks.
 *
 * @param interMs     HAProxy check interval while a server is steady (and while it is DOWN)
 * @param fastinterMs HAProxy check interval while a server is changing state
 * @param rise        consecutive good checks before HAProxy marks a server UP
 * @param fall        consecutive failed checks before HAProxy marks a server DOWN
 */
public record TimingSettings(int ttl, int loopWait, int retryTimeout, long interMs, long fastinterMs, int rise,
                             int fall) {
}
