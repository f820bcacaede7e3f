package io.pgha.engine;

import io.pgha.facts.FactException;
import io.pgha.transport.TransportException;
import io.pgha.transport.TransportFactory;
import io.pgha.transport.UnreachableException;

import java.time.Duration;

/**
 * Connects a host when its first play starts and reads its {@link HostFacts}: Ansible's
 * "Gathering Facts" step. An unreachable host is reported here, once.
 */
final class FactGatherer {
    static final String TASK_NAME = "Gathering Facts";

    private final TransportFactory transports;
    private final HostFacts hostFacts;

    FactGatherer(TransportFactory transports, HostFacts hostFacts) {
        this.transports = transports;
        this.hostFacts = hostFacts;
    }

    HostResult run(HostState state, TaskRef ref) {
        long start = System.nanoTime();
        TaskStatus status = TaskStatus.OK;
        String message = null;
        try {
            state.facts(hostFacts.gather(state.connect(transports), state.host().connection().become()));
        } catch (UnreachableException e) {
            status = TaskStatus.UNREACHABLE;
            message = e.getMessage();
        } catch (TransportException | FactException | RuntimeException e) {
            status = TaskStatus.FAILED;
            message = "cannot read the host's facts: " + e.getMessage();
        }
        state.record(ref.qualifiedName(), status);
        return new HostResult(state.name(), status, message, null, Duration.ofNanos(System.nanoTime() - start));
    }
}
