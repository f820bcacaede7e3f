package io.pgha.verify.drill;

/**
 * The live settings that bound failover time: Patroni's dynamic config and HAProxy's checks.
 *
 * @param interMs     HAProxy check interval while a server is steady
 * @param fastinterMs HAProxy check interval while a server is changing state
 * @param downinterMs HAProxy check interval while a server is DOWN (how soon a new primary is first seen)
 * @param rise        consecutive good checks before HAProxy marks a server UP
 * @param fall        consecutive failed checks before HAProxy marks a server DOWN
 * @param etcdElectionMs etcd's election timeout: a crashed etcd leader is replaced within about two of them
 */
public record TimingSettings(int ttl, int loopWait, int retryTimeout, long interMs, long fastinterMs,
                             long downinterMs, int rise, int fall, long etcdElectionMs) {
}
