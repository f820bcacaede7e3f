package io.pgha.engine;

import com.fasterxml.jackson.jr.ob.JSON;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Machine-readable output for CI: one JSON object per line per event ({@code play_start},
 * {@code task_start}, {@code result}, {@code task_end}, {@code recap}). Values are redacted
 * before they are serialized, and the line once more after.
 */
public final class JsonReporter implements RunListener {
    private final Output output;

    public JsonReporter(Output output) {
        this.output = output;
    }

    @Override
    public void playStarted(String play, List<String> hosts) {
        Map<String, Object> event = event("play_start");
        event.put("play", play);
        event.put("hosts", hosts);
        emit(event);
    }

    @Override
    public void taskStarted(TaskRef task) {
        emit(taskEvent("task_start", task));
    }

    @Override
    public void factsReadAhead(String host, int questions, int commands, int batches, Duration elapsed) {
        Map<String, Object> event = event("facts_read_ahead");
        event.put("host", host);
        event.put("questions", questions);
        event.put("commands", commands);
        event.put("batches", batches);
        event.put("elapsed_ms", elapsed.toMillis());
        emit(event);
    }

    @Override
    public void hostResult(TaskRef task, HostResult result) {
        Map<String, Object> event = taskEvent("result", task);
        event.put("host", result.host());
        event.put("status", result.status().label());
        event.put("message", result.message());
        if (result.diff() != null) {
            event.put("diff", result.diff());
        }
        event.put("elapsed_ms", result.elapsed().toMillis());
        emit(event);
    }

    @Override
    public void taskFinished(TaskRef task, Duration elapsed) {
        Map<String, Object> event = taskEvent("task_end", task);
        event.put("elapsed_ms", elapsed.toMillis());
        emit(event);
    }

    @Override
    public void recap(RunSummary summary) {
        Map<String, Object> hosts = new LinkedHashMap<>();
        summary.hosts().forEach((host, s) -> {
            Map<String, Object> counts = new LinkedHashMap<>();
            counts.put("ok", s.ok());
            counts.put("changed", s.changed());
            counts.put("unreachable", s.unreachable());
            counts.put("failed", s.failed());
            counts.put("skipped", s.skipped());
            hosts.put(host, counts);
        });
        Map<String, Object> event = event("recap");
        event.put("hosts", hosts);
        event.put("elapsed_ms", summary.elapsed().toMillis());
        event.put("exit_code", summary.exitCode());
        emit(event);
    }

    /** Writes any event with the same conventions (used by commands other than provision too). */
    public void emit(Map<String, Object> event) {
        try {
            output.println(JSON.std.asString(output.redactor().redactValue(event)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, Object> event(String name) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("event", name);
        event.put("time", Instant.now().toString());
        return event;
    }

    private static Map<String, Object> taskEvent(String name, TaskRef task) {
        Map<String, Object> event = event(name);
        event.put("role", task.role());
        event.put("task", task.name());
        event.put("source", task.source());
        return event;
    }
}
