package io.pgha.engine;

import io.pgha.facts.Fact;
import io.pgha.facts.FactException;
import io.pgha.operations.Conditions;
import io.pgha.operations.OperationContext;
import io.pgha.operations.OperationException;
import io.pgha.templating.TemplateException;
import io.pgha.templating.Templates;
import io.pgha.transport.ExecResult;
import io.pgha.transport.RemoteCommand;
import io.pgha.transport.TransportException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a module sees while it plans one task on one host: facts and probes are read through a
 * {@link HostReader} (the host, or answers read ahead) with the task's {@code become}; templates come from the role's
 * {@code templates/}, files from its {@code files/}. A lost connection surfaces as an
 * {@link OperationException} whose cause is the transport's exception.
 */
final class EngineOperationContext implements OperationContext {
    private final String hostName;
    private final HostReader reader;
    private final boolean planningAhead;
    private boolean askedWhetherAhead;
    private final boolean become;
    private final boolean checkMode;
    private final Map<String, Object> vars;
    private final Path roleDir;
    private final Templates templates;
    private final Set<String> writtenInCheck;

    EngineOperationContext(String hostName, HostReader reader, boolean planningAhead, boolean become, boolean checkMode,
                           Map<String, Object> vars, Path roleDir, Templates templates, Set<String> writtenInCheck) {
        this.hostName = hostName;
        this.reader = reader;
        this.planningAhead = planningAhead;
        this.become = become;
        this.checkMode = checkMode;
        this.vars = Collections.unmodifiableMap(vars);
        this.roleDir = roleDir;
        this.templates = templates;
        this.writtenInCheck = writtenInCheck;
    }

    @Override
    public String hostName() {
        return hostName;
    }

    @Override
    public <T> T fact(Fact<T> fact) throws OperationException {
        // A task that becomes root reads every fact as root: the host's root shell is open anyway, and
        // one shell per host answers a run's facts in fewer round trips than two.
        try {
            return reader.fact(fact, asTask(fact.command()));
        } catch (FactException e) {
            throw new OperationException(fact.getClass().getSimpleName() + ": " + e.getMessage(), e);
        } catch (TransportException e) {
            throw new OperationException(e.getMessage(), e);
        }
    }

    @Override
    public void prefetch(List<Fact<?>> facts) {
        reader.prefetch(facts.stream().map(fact -> new ReadAhead.Question(asTask(fact.command()), fact)).toList());
    }

    @Override
    public ExecResult probe(String command) throws OperationException {
        try {
            return reader.read(asTask(command));
        } catch (TransportException e) {
            throw new OperationException(e.getMessage(), e);
        }
    }

    /** A read-only command as this task runs it: with its become, under the default timeout. */
    private RemoteCommand asTask(String script) {
        return new RemoteCommand(script, become, RemoteCommand.DEFAULT_TIMEOUT);
    }

    @Override
    public boolean become() {
        return become;
    }

    @Override
    public boolean planningAhead() {
        askedWhetherAhead |= planningAhead;
        return planningAhead;
    }

    /** Whether the plan asked {@link #planningAhead()} and was told yes: it may differ from the task's real run. */
    boolean plannedDifferentlyAhead() {
        return askedWhetherAhead;
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
        return vars;
    }

    @Override
    public boolean test(String condition, Map<String, Object> moreVars) throws OperationException {
        return Conditions.test(templates, vars, condition, moreVars);
    }

    @Override
    public String renderTemplateFile(String relativePath) throws OperationException {
        Path file = inside("templates", relativePath);
        try {
            return templates.renderFile(file, vars);
        } catch (TemplateException e) {
            throw new OperationException(e.getMessage(), e);
        }
    }

    @Override
    public Path roleFile(String relativePath) throws OperationException {
        return inside("files", relativePath);
    }

    private Path inside(String folder, String relativePath) throws OperationException {
        Path base = roleDir.resolve(folder).normalize();
        Path file = base.resolve(relativePath).normalize();
        if (!file.startsWith(base)) {
            throw new OperationException("'" + relativePath + "' points outside the role's " + folder + "/ folder");
        }
        if (!Files.isRegularFile(file)) {
            throw new OperationException("no file " + file + " (paths are relative to the role's " + folder + "/ folder)");
        }
        return file;
    }
}
