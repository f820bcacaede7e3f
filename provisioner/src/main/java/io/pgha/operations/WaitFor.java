package io.pgha.operations;

import io.pgha.transport.ExecResult;
import io.pgha.transport.ShellQuote;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code wait_for}: polls a port, HTTP URLs or a command on the host until it is ready or the
 * timeout passes. Polling only reads, so it is part of planning; a success is "no change". On a
 * timeout the failure says what was awaited, for how long, what was seen last and, with
 * {@code service}, that unit's last journal lines.
 */
final class WaitFor implements Operation {
    private static final Set<String> ALLOWED =
            Set.of("port", "host", "http", "status", "until", "command", "timeout", "interval", "service");
    static final int JOURNAL_LINES = 20;

    private final Pacer pacer;

    WaitFor() {
        this(Pacer.SYSTEM);
    }

    WaitFor(Pacer pacer) {
        this.pacer = pacer;
    }

    @Override
    public String name() {
        return "wait_for";
    }

    @Override
    public Plan plan(OperationContext ctx, Map<String, Object> rawArgs) throws OperationException {
        Args args = Args.of(name(), rawArgs, ALLOWED);
        Duration timeout = Duration.ofSeconds(args.integer("timeout", 60, 1));
        WaitCondition condition = condition(args, timeout);
        Duration interval = Duration.ofSeconds(args.integer("interval", 1, 1));
        String service = args.has("service") ? SystemdUnit.unitName(args, "service") : null;
        if (ctx.checkMode()) {
            return Plan.noChange("skipped in check mode (would wait for " + condition.describe() + ")");
        }

        long start = pacer.nanoTime();
        long deadline = start + timeout.toNanos();
        WaitCondition.Observation last;
        while (true) {
            last = condition.poll(ctx);
            if (last.ready()) {
                return Plan.noChange("waited " + seconds(pacer.nanoTime() - start) + " for " + condition.describe());
            }
            if (ctx.planningAhead()) {
                return Plan.noChange("not ready yet: " + condition.describe());
            }
            if (pacer.nanoTime() + interval.toNanos() > deadline) {
                break;
            }
            try {
                pacer.sleep(interval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OperationException("interrupted while waiting for " + condition.describe(), e);
            }
        }
        StringBuilder message = new StringBuilder("timed out after " + seconds(pacer.nanoTime() - start)
                + " waiting for " + condition.describe() + "; last result: " + last.seen());
        if (service != null) {
            message.append('\n').append(journal(ctx, service));
        }
        throw new OperationException(message.toString());
    }

    private static WaitCondition condition(Args args, Duration timeout) throws OperationException {
        String kind = args.exactlyOne("port", "http", "command");
        if (args.has("until") && !kind.equals("http")) {
            throw args.error("until", "applies to an http wait only (it tests the JSON a URL answers)");
        }
        switch (kind) {
            case "port" -> {
                long port = args.integer("port", 0, 1);
                if (port > 65535) {
                    throw args.error("port", "must be a TCP port between 1 and 65535 (got " + port + ")");
                }
                String host = args.string("host", "127.0.0.1");
                if (!host.matches("[A-Za-z0-9.:-]+")) {
                    throw args.error("host", "must be a host name or IP address (got '" + host + "')");
                }
                return new WaitCondition.Port(host, (int) port);
            }
            case "http" -> {
                List<String> urls = args.stringList("http", true);
                if (urls.isEmpty()) {
                    throw args.error("http", "must name at least one URL");
                }
                for (String url : urls) {
                    if (!url.startsWith("http://") && !url.startsWith("https://")) {
                        throw args.error("http", "must be an http:// or https:// URL (got '" + url + "')");
                    }
                }
                long status = args.integer("status", 200, 100);
                return new WaitCondition.Http(urls, (int) status, args.has("until") ? args.string("until") : null);
            }
            default -> {
                return new WaitCondition.Succeeds(args.string("command"), timeout.toSeconds());
            }
        }
    }

    private String journal(OperationContext ctx, String unit) {
        String command = "journalctl -u " + ShellQuote.quote(unit) + " -n " + JOURNAL_LINES + " --no-pager";
        try {
            ExecResult log = ctx.probe(command);
            String text = log.ok() ? log.stdout().strip() : log.errorText();
            return "last " + JOURNAL_LINES + " journal lines of " + unit + ":\n" + text;
        } catch (OperationException e) {
            return "(could not read the journal of " + unit + ": " + e.getMessage() + ")";
        }
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }
}
