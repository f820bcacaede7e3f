package io.pgha.engine;

import io.pgha.inventory.InventoryHost;
import io.pgha.transport.Transport;
import io.pgha.transport.TransportFactory;
import io.pgha.transport.UnreachableException;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One host during a run: its connection (opened on first use, kept for the whole run), whether
 * it stopped (a failed task or unreachable), the tasks that changed it, its registered results,
 * the answers read ahead for its next tasks and its counters. Only the host's worker thread touches it while a task runs.
 */
final class HostState {
    private final InventoryHost host;
    private final Set<String> changedTasks = new HashSet<>();
    /** In --check: the files a changing task would have written (it did not). */
    private final Set<String> writtenInCheck = new HashSet<>();
    private final Map<String, Object> registered = new LinkedHashMap<>();
    private final ReadAhead readAhead = new ReadAhead();
    private Map<String, Object> facts;
    private Transport transport;
    private TaskStatus stoppedBy;
    private HostStats stats = HostStats.ZERO;

    HostState(InventoryHost host) {
        this.host = host;
    }

    InventoryHost host() {
        return host;
    }

    String name() {
        return host.name();
    }

    Transport connect(TransportFactory factory) throws UnreachableException {
        if (transport == null) {
            transport = factory.open(host.connection());
        }
        return transport;
    }

    boolean stopped() {
        return stoppedBy != null;
    }

    void record(String qualifiedTask, TaskStatus status) {
        stats = stats.plus(status);
        if (status == TaskStatus.CHANGED) {
            changedTasks.add(qualifiedTask);
        }
        if (status == TaskStatus.FAILED || status == TaskStatus.UNREACHABLE) {
            stoppedBy = status;
        }
    }

    boolean changed(String qualifiedTask) {
        return changedTasks.contains(qualifiedTask);
    }

    void wouldHaveWritten(String path) {
        writtenInCheck.add(path);
    }

    Set<String> writtenInCheck() {
        return Collections.unmodifiableSet(writtenInCheck);
    }

    /** Whether facts were read (on the first play that targets the host). */
    boolean gathered() {
        return facts != null;
    }

    Map<String, Object> facts() {
        return facts == null ? Map.of() : facts;
    }

    void facts(Map<String, Object> gathered) {
        facts = Map.copyOf(gathered);
    }

    ReadAhead readAhead() {
        return readAhead;
    }

    Map<String, Object> registered() {
        return registered;
    }

    HostStats stats() {
        return stats;
    }

    void close() {
        if (transport != null) {
            transport.close();
            transport = null;
        }
    }
}
