package io.pgha.operations;

import io.pgha.facts.Fact;
import io.pgha.facts.FactException;
import io.pgha.templating.Templates;
import io.pgha.transport.ExecResult;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An {@link OperationContext} that answers facts and probes from a table of recorded outputs and
 * fails the test if planning asks anything unanswered or anything that would change a host.
 */
final class ScriptedContext implements OperationContext {
    private static final Templates TEMPLATES = new Templates();

    /** Commands that change a host; planning must never send one. */
    private static final Pattern MUTATING = Pattern.compile(
            "\\b(apt-get|dpkg -i|rm|mkdir|touch|chown|chmod|ln|useradd|usermod|userdel|groupadd|groupdel|"
            + "install|tee|mv|cp|sed -i|sysctl -w|sysctl -q -w)\\b|systemctl (start|stop|restart|reload|enable|"
            + "disable|mask|unmask|daemon-reload)|>\\s*/(?!dev/null)");

    private final Map<String, Deque<ExecResult>> answers = new HashMap<>();
    private final List<String> asked = new ArrayList<>();
    private final Map<String, String> templates = new HashMap<>();
    private Path filesDir;
    private boolean checkMode;
    private final java.util.Set<String> writtenInCheck = new java.util.HashSet<>();
    private boolean planningAhead;

    ScriptedContext onFact(Fact<?> fact, String stdout) {
        return on(fact.command(), 0, stdout);
    }

    ScriptedContext onFact(Fact<?> fact, int exitCode, String stdout) {
        return on(fact.command(), exitCode, stdout);
    }

    /** Answers a command; several answers for one command are given in turn, the last one repeats. */
    ScriptedContext on(String command, int exitCode, String stdout) {
        answers.computeIfAbsent(command, c -> new ArrayDeque<>())
                .add(new ExecResult(exitCode, stdout, exitCode == 0 ? "" : "failed", Duration.ofMillis(5)));
        return this;
    }

    ScriptedContext template(String name, String rendered) {
        templates.put(name, rendered);
        return this;
    }

    ScriptedContext files(Path dir) {
        this.filesDir = dir;
        return this;
    }

    ScriptedContext planningAhead(boolean value) {
        this.planningAhead = value;
        return this;
    }

    @Override
    public boolean planningAhead() {
        return planningAhead;
    }

    /** In check mode, an earlier task would have written this file. */
    ScriptedContext writtenEarlierInCheck(String path) {
        writtenInCheck.add(path);
        return this;
    }

    ScriptedContext checkMode(boolean value) {
        this.checkMode = value;
        return this;
    }

    List<String> asked() {
        return asked;
    }

    @Override
    public String hostName() {
        return "pg1";
    }

    @Override
    public <T> T fact(Fact<T> fact) throws OperationException {
        try {
            return fact.parse(answer(fact.command()));
        } catch (FactException e) {
            throw new OperationException(e.getMessage(), e);
        }
    }

    @Override
    public ExecResult probe(String command) {
        return answer(command);
    }

    private ExecResult answer(String command) {
        if (MUTATING.matcher(command).find()) {
            throw new AssertionError("planning sent a mutating command: " + command);
        }
        asked.add(command);
        Deque<ExecResult> queue = answers.get(command);
        if (queue == null) {
            throw new AssertionError("no recorded answer for: " + command + "\nknown: " + answers.keySet());
        }
        return queue.size() > 1 ? queue.poll() : queue.peek();
    }

    @Override
    public boolean become() {
        return true;
    }

    @Override
    public boolean checkMode() {
        return checkMode;
    }

    @Override
    public boolean wouldHaveWritten(String path) {
        return checkMode && writtenInCheck.contains(path);
    }

    @Override
    public Map<String, Object> vars() {
        return Map.of();
    }

    @Override
    public boolean test(String condition, Map<String, Object> moreVars) throws OperationException {
        return Conditions.test(TEMPLATES, vars(), condition, moreVars);
    }

    @Override
    public String renderTemplateFile(String relativePath) throws OperationException {
        String text = templates.get(relativePath);
        if (text == null) {
            throw new OperationException("template not found: " + relativePath);
        }
        return text;
    }

    @Override
    public Path roleFile(String relativePath) throws OperationException {
        if (filesDir == null) {
            throw new OperationException("file not found: " + relativePath);
        }
        return filesDir.resolve(relativePath);
    }
}
