package io.pgha.engine;

import java.time.Duration;

/**
 * What one task did on one host.
 *
 * @param message the plan's message when changed, the error when failed, the reason when skipped
 * @param diff    the plan's unified diff, or null
 */
public record HostResult(String host, TaskStatus status, String message, String diff, Duration elapsed) {
}
