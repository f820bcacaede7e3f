package io.pgha.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Keeps every event of a run for assertions. */
final class RecordingListener implements RunListener {
    final List<TaskRef> tasks = new ArrayList<>();
    final List<Result> results = new ArrayList<>();
    final List<ReadAhead> readsAhead = new ArrayList<>();
    RunSummary summary;

    record ReadAhead(String host, int questions, int commands, int batches) {
    }

    record Result(TaskRef task, HostResult result) {
        String host() {
            return result.host();
        }

        TaskStatus status() {
            return result.status();
        }
    }

    @Override
    public void playStarted(String play, List<String> hosts) {
    }

    @Override
    public synchronized void taskStarted(TaskRef task) {
        tasks.add(task);
    }

    @Override
    public synchronized void factsReadAhead(String host, int questions, int commands, int batches, Duration elapsed) {
        readsAhead.add(new ReadAhead(host, questions, commands, batches));
    }

    @Override
    public synchronized void hostResult(TaskRef task, HostResult result) {
        results.add(new Result(task, result));
    }

    @Override
    public void taskFinished(TaskRef task, Duration elapsed) {
    }

    @Override
    public void recap(RunSummary runSummary) {
        summary = runSummary;
    }

    synchronized HostResult result(String task, String host) {
        return results.stream().filter(r -> r.task().name().equals(task) && r.host().equals(host))
                .map(Result::result).findFirst().orElse(null);
    }

    /** The role tasks' results on a host, without the fact-gathering step. */
    synchronized List<String> statuses(String host) {
        return results.stream().filter(r -> r.host().equals(host) && r.task().role() != null)
                .map(r -> r.task().name() + "=" + r.status().label()).toList();
    }
}
