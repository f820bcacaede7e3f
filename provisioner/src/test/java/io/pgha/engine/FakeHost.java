package io.pgha.engine;

import io.pgha.transport.ExecResult;
import io.pgha.transport.RemoteCommand;
import io.pgha.transport.RemoteFile;
import io.pgha.transport.Transport;
import io.pgha.transport.TransportException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scripted host for engine tests: a tiny in-memory model (files, packages, service restarts)
 * that answers the few commands the test operations use and records every command, marking
 * those that change the host.
 */
public final class FakeHost implements Transport {
    private static final Pattern DPKG_QUERY = Pattern.compile("dpkg-query -W (\\S+)");
    private static final Pattern APT_INSTALL = Pattern.compile("apt-get install -y (\\S+)");
    private static final Pattern CAT = Pattern.compile("cat (\\S+)");
    /** {@link TestOperations.FileFact}'s merged command: each file's content after a line with its name. */
    private static final Pattern CAT_EACH = Pattern.compile("cat-each (.+)");
    /** Set to make the merged command answer nonsense, as a host whose tools print something unexpected. */
    boolean garbledMergedReads;
    private static final Pattern RESTART = Pattern.compile("systemctl restart (\\S+)");
    private static final Pattern ECHO = Pattern.compile("echo (.*)");

    private final String name;
    public final Map<String, String> files = new LinkedHashMap<>();
    public final Set<String> packages = new HashSet<>();
    final List<String> restarts = new ArrayList<>();
    final List<String> commands = new ArrayList<>();
    final List<String> mutations = new ArrayList<>();
    final List<Boolean> becomes = new ArrayList<>();
    /** Commands answered in a {@link ProbeBatch}, and how many batches came. */
    final List<String> readAhead = new ArrayList<>();
    int batches;
    public boolean sudoWorks = true;
    boolean dropConnection;
    boolean closed;

    FakeHost(String name) {
        this.name = name;
    }

    @Override
    public String hostName() {
        return name;
    }

    @Override
    public synchronized ExecResult exec(RemoteCommand command) throws TransportException {
        if (dropConnection) {
            throw new io.pgha.transport.UnreachableException("connection to " + name + " lost");
        }
        String script = command.script();
        if (script.startsWith(ProbeBatch.PRELUDE)) {
            batches++;
            return batch(script, command.become());
        }
        commands.add(script);
        becomes.add(command.become());
        if (command.become() && !sudoWorks) {
            return fail(1, "sudo: a password is required");
        }
        if (script.equals("true")) {
            return ok("");
        }
        Matcher m;
        if ((m = DPKG_QUERY.matcher(script)).matches()) {
            return packages.contains(m.group(1)) ? ok("install ok installed") : fail(1, "no packages found matching " + m.group(1));
        }
        if ((m = CAT_EACH.matcher(script)).matches()) {
            if (garbledMergedReads) {
                return ok("nonsense\n");
            }
            StringBuilder out = new StringBuilder();
            for (String path : m.group(1).split(" ")) {
                out.append("== ").append(path).append('\n').append(files.getOrDefault(path, "")).append('\n');
            }
            return ok(out.toString());
        }
        if ((m = CAT.matcher(script)).matches()) {
            String content = files.get(m.group(1));
            return content == null ? fail(1, "cat: " + m.group(1) + ": No such file or directory") : ok(content);
        }
        mutations.add(script);
        if ((m = APT_INSTALL.matcher(script)).matches()) {
            packages.add(m.group(1));
            return ok("");
        }
        if ((m = RESTART.matcher(script)).matches()) {
            restarts.add(m.group(1));
            return ok("");
        }
        if ((m = ECHO.matcher(script)).matches()) {
            return ok(m.group(1) + "\n");
        }
        if (script.equals("false")) {
            return fail(1, "boom");
        }
        return fail(127, "sh: " + script + ": not found");
    }

    /**
     * The host's side of {@link ProbeBatch}: runs each command of the batch as {@link #exec} would, and frames
     * the answers as the batch's shell script does.
     */
    private ExecResult batch(String script, boolean become) throws TransportException {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        for (String line : script.substring(ProbeBatch.PRELUDE.length()).split("\n")) {
            String[] call = line.substring(ProbeBatch.CALL.length()).split(" ", 2);
            String quoted = call[1];
            String inner = quoted.startsWith("'") ? quoted.substring(1, quoted.length() - 1).replace("'\"'\"'", "'") : quoted;
            int before = commands.size();
            ExecResult answer = exec(new RemoteCommand(inner, become, RemoteCommand.DEFAULT_TIMEOUT));
            readAhead.addAll(commands.subList(before, commands.size()));
            out.append(call[0]).append("-b\n").append(answer.stdout()).append(call[0]).append("-e ").append(answer.exitCode()).append('\n');
            err.append(call[0]).append("-b\n").append(answer.stderr()).append(call[0]).append("-e\n");
        }
        return new ExecResult(0, out.toString(), err.toString(), Duration.ofMillis(1));
    }

    /** Commands that were not read ahead in a batch. */
    synchronized List<String> readsOneByOne() {
        List<String> single = new ArrayList<>(commands);
        readAhead.forEach(single::remove);
        single.removeAll(mutations);
        return single;
    }

    @Override
    public synchronized void upload(byte[] content, RemoteFile target) {
        mutations.add("upload " + target.path());
        files.put(target.path(), new String(content, StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        closed = true;
    }

    public synchronized List<String> mutations() {
        return List.copyOf(mutations);
    }

    synchronized void forgetCommands() {
        commands.clear();
        readAhead.clear();
        batches = 0;
        mutations.clear();
        becomes.clear();
    }

    private static ExecResult ok(String stdout) {
        return new ExecResult(0, stdout, "", Duration.ofMillis(1));
    }

    private static ExecResult fail(int rc, String stderr) {
        return new ExecResult(rc, "", stderr, Duration.ofMillis(1));
    }
}
