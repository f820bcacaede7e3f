package io.pgha.operations;

import io.pgha.facts.Fact;
import io.pgha.transport.ExecResult;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What a module may use while planning: facts of its host, templates, variables. Read-only. */
public interface OperationContext {

    /** Inventory name of the host being planned for. */
    String hostName();

    /**
     * Reads a fact. The answer is the host's state at this point of the run: either read now, or read ahead
     * in a batch while nothing has changed since (the engine forgets such answers once any task changes a host).
     */
    <T> T fact(Fact<T> fact) throws OperationException;

    /**
     * Names facts that this plan reads in any case, before it reads the first of them: planning ahead, the engine
     * then reads them all in one round trip instead of one after the other (the first unanswered question ends a
     * plan made ahead). Otherwise it does nothing; the plan still reads each with {@link #fact}.
     */
    default void prefetch(List<Fact<?>> facts) throws OperationException {
    }

    /**
     * Runs a command that does not change the host (probes that are not worth a Fact class,
     * e.g. a wait-for poll or a {@code creates}/{@code unless} guard). Runs in check mode too.
     */
    ExecResult probe(String command) throws OperationException;

    /** Whether the task runs as root. */
    boolean become();

    /**
     * True while the engine plans ahead to learn which facts the task will read, so that it can read them for
     * many tasks in one round trip. A module must not wait then. A plan made ahead to its end with nothing to
     * change stands for the task's run, unless it asked this (and was told yes): that plan is thrown away.
     */
    default boolean planningAhead() {
        return false;
    }

    /** True in {@code --check}: the plan is reported, never applied. */
    boolean checkMode();

    /** In {@code --check}: whether an earlier task of this run would have written the file (nothing was written). */
    default boolean wouldHaveWritten(String path) {
        return false;
    }

    /** This host's variables (role defaults &lt; inventory &lt; -e), for templates. */
    Map<String, Object> vars();

    /**
     * Evaluates a condition (a Jinja expression without braces, as in {@code when}) over this host's variables and
     * the given ones, which win over variables of the same name.
     */
    boolean test(String condition, Map<String, Object> moreVars) throws OperationException;

    /** Renders a template file of the current role (path relative to its {@code templates/}). */
    String renderTemplateFile(String relativePath) throws OperationException;

    /** Resolves a plain file of the current role (path relative to its {@code files/}). */
    Path roleFile(String relativePath) throws OperationException;
}
