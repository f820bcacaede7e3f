package io.pgha.engine;

import java.time.Duration;
import java.util.List;

/** Receives a run's events as they happen; results arrive from host worker threads. */
public interface RunListener {

    void playStarted(String play, List<String> hosts);

    void taskStarted(TaskRef task);

    void hostResult(TaskRef task, HostResult result);

    void taskFinished(TaskRef task, Duration elapsed);

    void recap(RunSummary summary);
}
