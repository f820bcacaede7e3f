package io.pgha.operations;

import io.pgha.facts.Fact;
import io.pgha.transport.ExecResult;

import java.nio.file.Path;
import java.util.Map;

/** What a module may use while planning: facts of its host, templates, variables. Read-only. */
public interface OperationContext {

    /** Inventory name of the host being planned for. */
    String hostName();

    /** Reads a fact right now (facts are never cached across tasks: they would go stale). */
    <T> T fact(Fact<T> fact) throws OperationException;

    /**
     * Runs a command that does not change the host (probes that are not worth a Fact class,
     * e.g. a wait-for poll or a {@code creates}/{@code unless} guard). Runs in check mode too.
     */
    ExecResult probe(String command) throws OperationException;

    /** Whether the task runs as root. */
    boolean become();

    /** True in {@code --check}: the plan is reported, never applied. */
    boolean checkMode();

    /** This host's variables (role defaults &lt; inventory &lt; -e), for templates. */
    Map<String, Object> vars();

    /** Renders a template file of the current role (path relative to its {@code templates/}). */
    String renderTemplateFile(String relativePath) throws OperationException;

    /** Resolves a plain file of the current role (path relative to its {@code files/}). */
    Path roleFile(String relativePath) throws OperationException;
}
