package io.pgha.verify.drill;

import io.pgha.verify.cluster.Member;

import java.time.Duration;
import java.util.List;

/**
 * Injects a fault on one member and undoes it. {@code peers} are the other members (a partition cuts the
 * member off from them); {@code healAfter} bounds a partition even if pgha dies before healing it.
 */
public interface FaultInjector extends AutoCloseable {
    void inject(FaultAction action, Member member, List<Member> peers, Duration healAfter) throws FaultException;

    /**
     * Gets ready to inject {@code action} on {@code member} (e.g. opens the SSH connection and checks sudo), so
     * that the fault happens when the drill's clock says it does, not after a connection set-up of seconds.
     */
    void prepare(FaultAction action, Member member) throws FaultException;

    /** Whether this injector can perform the action at all (checked before a destructive drill starts). */
    boolean supports(FaultAction action);

    @Override
    void close();
}
