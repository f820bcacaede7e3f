package io.pgha.operations;

import io.pgha.transport.ExecResult;
import io.pgha.transport.ShellQuote;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code command} and {@code shell}: run a command, always reported as changed (there is no way
 * to know what it did) unless a guard says it is not needed: {@code creates} (a path that exists
 * once it ran) or {@code unless} (a probe command that succeeds when it is not needed). Both run
 * through /bin/sh; {@code command} also takes a list of words, each passed literally.
 */
final class Command implements Operation {
    private static final Set<String> ALLOWED = Set.of("cmd", "creates", "unless", "chdir", "environment", "timeout");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final String name;

    Command(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Plan plan(OperationContext ctx, Map<String, Object> rawArgs) throws OperationException {
        Args args = Args.of(name, rawArgs, ALLOWED);
        String cmd = command(args);
        String prefix = prefix(args);
        long timeout = args.integer("timeout", io.pgha.transport.RemoteCommand.DEFAULT_TIMEOUT.toSeconds(), 1);

        String creates = args.optionalString("creates");
        if (creates != null) {
            if (!creates.startsWith("/")) {
                throw args.error("creates", "must be an absolute path (got '" + creates + "')");
            }
            if (ctx.probe("test -e " + ShellQuote.quote(creates)).ok()) {
                return Plan.noChange("skipped: " + creates + " exists");
            }
        }
        String unless = args.optionalString("unless");
        if (unless != null) {
            ExecResult probe = ctx.probe(prefix + unless);
            if (probe.ok()) {
                return Plan.noChange("skipped: the unless command succeeded");
            }
        }
        return Plan.change("run " + firstLine(cmd),
                List.of(new Action.Exec(prefix + cmd, Duration.ofSeconds(timeout), 0, Duration.ZERO)));
    }

    private String command(Args args) throws OperationException {
        List<String> words = args.stringList("cmd", false);
        if (words.isEmpty() || words.get(0).isBlank()) {
            throw args.error("cmd", "is required (the command line to run)");
        }
        if (!args.isList("cmd")) {
            return words.get(0);
        }
        if (name.equals("shell")) {
            throw args.error("cmd", "must be one string of shell text for shell (use command for a list of words)");
        }
        return ShellQuote.join(words);
    }

    /** {@code cd} and exported variables, put in the command text (exec channels ignore both otherwise). */
    private static String prefix(Args args) throws OperationException {
        StringBuilder prefix = new StringBuilder();
        String chdir = args.optionalString("chdir");
        if (chdir != null) {
            if (!chdir.startsWith("/")) {
                throw args.error("chdir", "must be an absolute path (got '" + chdir + "')");
            }
            prefix.append("cd -- ").append(ShellQuote.quote(chdir)).append(" || exit 1\n");
        }
        Map<String, Object> env = args.map("environment");
        if (env != null) {
            for (Map.Entry<String, Object> e : env.entrySet()) {
                if (!ENV_NAME.matcher(e.getKey()).matches()) {
                    throw args.error("environment", "has an invalid variable name '" + e.getKey() + "'");
                }
                prefix.append("export ").append(e.getKey()).append('=')
                        .append(ShellQuote.quote(String.valueOf(e.getValue()))).append('\n');
            }
        }
        return prefix.toString();
    }

    private static String firstLine(String cmd) {
        String line = cmd.strip().lines().findFirst().orElse("");
        return line.length() > 80 ? line.substring(0, 77) + "..." : line;
    }
}
