package io.pgha.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Human output, Ansible style: a PLAY and a TASK header, one line per host as it finishes
 * ({@code changed: [pg2] Write config: updated /etc/patroni.yml (0.4s)}), the task's time,
 * optional diffs and the PLAY RECAP. Colours only when asked (a terminal without NO_COLOR).
 */
public final class ConsoleReporter implements RunListener {
    private static final int HEADER_WIDTH = 72;

    private final Output output;
    private final Style style;
    private final boolean showDiff;

    public ConsoleReporter(Output output, boolean colour, boolean showDiff) {
        this.output = output;
        this.style = new Style(colour);
        this.showDiff = showDiff;
    }

    @Override
    public void playStarted(String play, List<String> hosts) {
        output.println("");
        output.println(style.bold(header("PLAY [" + play + "]")));
    }

    @Override
    public void taskStarted(TaskRef task) {
        output.println("");
        String title = task.role() == null ? task.name() : task.role() + " : " + task.name();
        output.println(style.bold(header("TASK [" + title + "]")));
    }

    @Override
    public void factsReadAhead(String host, int questions, int commands, int batches, Duration elapsed) {
        output.println(style.dim("  facts read ahead: [" + host + "] " + questions + (questions == 1 ? " question" : " questions")
                + " in " + commands + (commands == 1 ? " command" : " commands")
                + ", " + batches + (batches == 1 ? " batch" : " batches") + " (" + Durations.format(elapsed) + ")"));
    }

    @Override
    public void hostResult(TaskRef task, HostResult result) {
        StringBuilder line = new StringBuilder()
                .append(result.status().label()).append(": [").append(result.host()).append("] ").append(task.name());
        String message = result.message() == null ? "" : result.message().strip();
        switch (result.status()) {
            case CHANGED, SKIPPED -> {
                if (!message.isEmpty()) {
                    line.append(": ").append(message);
                }
            }
            case FAILED, UNREACHABLE -> line.append(" => ").append(message);
            case OK -> {
                // An unchanged host needs no explanation; the message is in --json.
            }
        }
        if (result.status() != TaskStatus.UNREACHABLE) {
            line.append(" (").append(Durations.format(result.elapsed())).append(')');
        }
        output.println(style.status(result.status(), indentContinuation(line.toString())));
        if (showDiff && result.diff() != null && !result.diff().isBlank()) {
            result.diff().lines().forEach(diffLine -> output.println(style.diff(diffLine)));
        }
    }

    @Override
    public void taskFinished(TaskRef task, Duration elapsed) {
        output.println(style.dim("  task done in " + Durations.format(elapsed)));
    }

    @Override
    public void recap(RunSummary summary) {
        output.println("");
        output.println(style.bold(header("PLAY RECAP")));
        int width = summary.hosts().keySet().stream().mapToInt(String::length).max().orElse(0);
        for (Map.Entry<String, HostStats> host : summary.hosts().entrySet()) {
            HostStats s = host.getValue();
            String line = String.format("%-" + width + "s : ok=%d changed=%d unreachable=%d failed=%d skipped=%d",
                    host.getKey(), s.ok(), s.changed(), s.unreachable(), s.failed(), s.skipped());
            TaskStatus worst = s.failed() > 0 ? TaskStatus.FAILED : s.unreachable() > 0 ? TaskStatus.UNREACHABLE
                    : s.changed() > 0 ? TaskStatus.CHANGED : TaskStatus.OK;
            output.println(style.status(worst, line));
        }
        output.println("");
        output.println("Total time: " + Durations.format(summary.elapsed()));
    }

    private static String header(String title) {
        int stars = Math.max(3, HEADER_WIDTH - title.length() - 1);
        return title + " " + "*".repeat(stars);
    }

    private static String indentContinuation(String text) {
        return text.replace("\n", "\n    ");
    }
}
