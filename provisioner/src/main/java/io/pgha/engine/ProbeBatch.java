package io.pgha.engine;

import io.pgha.transport.ExecResult;
import io.pgha.transport.RemoteCommand;
import io.pgha.transport.ShellQuote;
import io.pgha.transport.Transport;
import io.pgha.transport.TransportException;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs many read-only commands of one host in a single round trip: one shell script runs each in a
 * subshell of its own, one after the other, and frames its stdout, stderr and exit code with markers that
 * carry a random token, so each command's answer comes back exactly as if it had run alone.
 *
 * <p>The commands get no timeout of their own (that would cost two more processes each); the whole batch
 * has {@link #TIMEOUT}. A command the batch did not finish is simply not answered: its task then asks the
 * host itself, with the command's own timeout.
 */
final class ProbeBatch {
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** One shell argument may not exceed 128 KiB on Linux; the batch is one argument of {@code sh -c}. */
    static final int MAX_SCRIPT_CHARS = 96 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * {@code pgha_probe TAG COMMAND}: runs COMMAND in a subshell without positional parameters and without
     * stdin, between a begin marker (its own line) and an end marker that carries the exit code.
     */
    static final String PRELUDE = """
            pgha_probe() { printf '%s\\n' "$1-b"; printf '%s\\n' "$1-b" >&2; \
            ( pgha_c=$2; set --; eval "$pgha_c" ) </dev/null; \
            printf '%s %s\\n' "$1-e" "$?"; printf '%s\\n' "$1-e" >&2; }
            """;
    static final String CALL = "pgha_probe ";

    private ProbeBatch() {
    }

    /**
     * Runs the commands (root ones and the others in separate batches) and returns the answers it got, each under
     * the command it was given.
     */
    static Map<RemoteCommand, ExecResult> run(Transport transport, List<RemoteCommand> commands) {
        Map<RemoteCommand, ExecResult> answers = new LinkedHashMap<>();
        for (boolean become : new boolean[] {true, false}) {
            List<RemoteCommand> same = commands.stream().filter(c -> c.become() == become).toList();
            for (List<RemoteCommand> chunk : chunks(same)) {
                answers.putAll(runOne(transport, chunk, become));
            }
        }
        return answers;
    }

    private static Map<RemoteCommand, ExecResult> runOne(Transport transport, List<RemoteCommand> commands, boolean become) {
        String tag = "pgha-probe-" + HexFormat.of().formatHex(token());
        List<String> scripts = commands.stream().map(RemoteCommand::script).toList();
        ExecResult batch;
        try {
            batch = transport.exec(new RemoteCommand(script(tag, scripts), become, TIMEOUT));
        } catch (TransportException e) {
            // Not an error of any task: each will ask the host itself and report what goes wrong.
            return Map.of();
        }
        Map<RemoteCommand, ExecResult> answers = new LinkedHashMap<>();
        List<ExecResult> results = parse(tag, scripts.size(), batch);
        for (int i = 0; i < results.size(); i++) {
            answers.put(commands.get(i), results.get(i));
        }
        return answers;
    }

    static String script(String tag, List<String> scripts) {
        StringBuilder text = new StringBuilder(PRELUDE);
        for (int i = 0; i < scripts.size(); i++) {
            text.append(CALL).append(tag).append('-').append(i).append(' ').append(ShellQuote.quote(scripts.get(i))).append('\n');
        }
        return text.toString();
    }

    /** The answers of the commands that finished, in order; stops at the first one without both markers. */
    static List<ExecResult> parse(String tag, int count, ExecResult batch) {
        List<ExecResult> results = new ArrayList<>();
        String out = batch.stdout() == null ? "" : batch.stdout();
        String err = batch.stderr() == null ? "" : batch.stderr();
        int outAt = 0;
        int errAt = 0;
        for (int i = 0; i < count; i++) {
            String begin = tag + "-" + i + "-b\n";
            String end = tag + "-" + i + "-e";
            int outBegin = out.indexOf(begin, outAt);
            int errBegin = err.indexOf(begin, errAt);
            int outEnd = outBegin < 0 ? -1 : out.indexOf(end + " ", outBegin + begin.length());
            int errEnd = errBegin < 0 ? -1 : err.indexOf(end + "\n", errBegin + begin.length());
            int lineEnd = outEnd < 0 ? -1 : out.indexOf('\n', outEnd);
            if (errEnd < 0 || lineEnd < 0) {
                break;
            }
            int exitCode;
            try {
                exitCode = Integer.parseInt(out.substring(outEnd + end.length() + 1, lineEnd).strip());
            } catch (NumberFormatException e) {
                break;
            }
            results.add(new ExecResult(exitCode, out.substring(outBegin + begin.length(), outEnd),
                    err.substring(errBegin + begin.length(), errEnd), Duration.ZERO));
            outAt = lineEnd + 1;
            errAt = errEnd + end.length() + 1;
        }
        return results;
    }

    private static List<List<RemoteCommand>> chunks(List<RemoteCommand> commands) {
        List<List<RemoteCommand>> chunks = new ArrayList<>();
        List<RemoteCommand> current = new ArrayList<>();
        int size = PRELUDE.length();
        for (RemoteCommand command : commands) {
            int cost = command.script().length() + 64;
            if (!current.isEmpty() && size + cost > MAX_SCRIPT_CHARS) {
                chunks.add(current);
                current = new ArrayList<>();
                size = PRELUDE.length();
            }
            current.add(command);
            size += cost;
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }

    private static byte[] token() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
