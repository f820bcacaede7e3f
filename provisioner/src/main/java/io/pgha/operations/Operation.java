package io.pgha.operations;

import java.util.Map;

/**
 * A module: compares facts read from the host with the desired state given by a task's
 * arguments and yields the actions that close the gap, or no change (the pyinfra shape).
 *
 * <p>{@link #plan} must only read (through {@link OperationContext#fact}); the engine runs the
 * returned actions unless in check mode. Planning is repeated on every run, so a module is
 * idempotent when its plan for a converged host is empty.
 */
public interface Operation {

    /** The key a task uses to name this module, e.g. {@code apt}, {@code template}. */
    String name();

    /**
     * @param args the task's arguments, already rendered for this host (strings templated)
     * @throws OperationException for bad arguments or a failed fact, with a message naming the argument
     */
    Plan plan(OperationContext ctx, Map<String, Object> args) throws OperationException;
}
