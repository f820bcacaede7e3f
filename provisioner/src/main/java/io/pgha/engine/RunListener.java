package io.pgha.engine;

import java.time.Duration;
import java.util.List;

/** Receives a run's events as they happen; results arrive from host worker threads. */
public interface RunListener {

    void playStarted(String play, List<String> hosts);

    void taskStarted(TaskRef task);

    /**
     * The read-only questions (facts and probes) of a host's coming tasks were read ahead ({@link ReadAheadPlanner}):
     * how many, in how many commands (facts of one kind merged into one), in how many batches, and how long it
     * took. Not a task; it tells where a run spends its time between tasks.
     */
    void factsReadAhead(String host, int questions, int commands, int batches, Duration elapsed);

    void hostResult(TaskRef task, HostResult result);

    void taskFinished(TaskRef task, Duration elapsed);

    void recap(RunSummary summary);
}
