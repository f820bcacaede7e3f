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

    /** Whether this injector can perform the action at all (checked before a destructive drill starts). */
    boolean supports(FaultAction action);

    @Override
    void close();
}
