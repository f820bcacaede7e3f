package io.pgha.engine;

import io.pgha.transport.ExecResult;
import io.pgha.transport.RemoteCommand;
import io.pgha.transport.Transport;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Answers to one host's read-only commands, read in batches before the tasks that ask them run (see
 * {@link ReadAheadPlanner}). They hold only while nothing has changed: the engine forgets them as soon as a
 * task changes any host of the run, and the tasks after that ask the hosts themselves.
 *
 * <p>A plan (a task, or one item of a loop) gets each answer once: a module that asks the same question
 * again (a wait polling) is answered by the host.
 */
final class ReadAhead {
    private final Map<RemoteCommand, ExecResult> answers = new HashMap<>();
    private boolean current;

    /** Answers are being read for the coming tasks: they hold from now until {@link #forget()}. */
    void renew() {
        current = true;
    }

    void add(Map<RemoteCommand, ExecResult> read) {
        answers.putAll(read);
    }

    /** Something changed: no answer read before can be trusted any more. */
    void forget() {
        answers.clear();
        current = false;
    }

    /** False once forgotten, until answers are read again. */
    boolean current() {
        return current;
    }

    /** The reader of one plan (a task, or one loop item): answers read ahead first, else the host. */
    HostReader forTask(Transport transport) {
        return reader(transport::exec);
    }

    /** The reader of planning ahead: answers read so far, else {@link Unanswered} ends the plan. */
    HostReader ahead() {
        return reader(command -> {
            throw new Unanswered(command);
        });
    }

    /** Each answer once per reader (one plan), then {@code otherwise}. */
    private HostReader reader(HostReader otherwise) {
        Set<RemoteCommand> used = new HashSet<>();
        return command -> {
            ExecResult answer = used.add(command) ? answers.get(command) : null;
            return answer != null ? answer : otherwise.read(command);
        };
    }

    /** Ends a plan made ahead at the first question not answered yet; the planner then reads it. */
    static final class Unanswered extends RuntimeException {
        final transient RemoteCommand command;

        Unanswered(RemoteCommand command) {
            super(null, null, false, false);
            this.command = command;
        }
    }
}
