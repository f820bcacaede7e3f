package io.pgha.engine;

import io.pgha.facts.Fact;
import io.pgha.facts.FactException;
import io.pgha.transport.ExecResult;
import io.pgha.transport.RemoteCommand;
import io.pgha.transport.Transport;
import io.pgha.transport.TransportException;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Answers to one host's read-only commands, read in batches before the tasks that ask them run (see
 * {@link ReadAheadPlanner}). They hold only while nothing has changed: the engine forgets them as soon as a
 * task changes any host of the run, and the tasks after that ask the hosts themselves.
 *
 * <p>An answer is either a command's result, or the value of a fact that was read merged with others of its
 * kind (kept under the fact's own command). A plan (a task, or one item of a loop) gets each answer once: a
 * module that asks the same question again (a wait polling) is answered by the host.
 */
final class ReadAhead {
    private final Map<RemoteCommand, ExecResult> answers = new HashMap<>();
    private final Map<RemoteCommand, Object> values = new HashMap<>();
    private boolean current;

    /** A read-only command a plan asked, with the fact it reads (null for a probe). */
    record Question(RemoteCommand command, Fact<?> fact) {
    }

    /** Answers are being read for the coming tasks: they hold from now until {@link #forget()}. */
    void renew() {
        current = true;
    }

    void add(Map<RemoteCommand, ExecResult> read) {
        answers.putAll(read);
    }

    /** Values of facts read merged, each under the command the fact has alone. */
    void addValues(Map<RemoteCommand, Object> read) {
        values.putAll(read);
    }

    /** Something changed: no answer read before can be trusted any more. */
    void forget() {
        answers.clear();
        values.clear();
        current = false;
    }

    /** False once forgotten, until answers are read again. */
    boolean current() {
        return current;
    }

    /** The reader of one plan (a task, or one loop item): answers read ahead first, else the host. */
    HostReader forTask(Transport transport) {
        return new PlanReader(transport);
    }

    /** The reader of planning ahead: answers read so far, else {@link Unanswered} ends the plan. */
    HostReader ahead() {
        return new PlanReader(null);
    }

    /** Each answer once per plan, then the host (or {@link Unanswered} when planning ahead). */
    private final class PlanReader implements HostReader {
        private final Set<RemoteCommand> used = new HashSet<>();
        private final Transport host;

        private PlanReader(Transport host) {
            this.host = host;
        }

        @Override
        public ExecResult read(RemoteCommand command) throws TransportException {
            ExecResult answer = used.add(command) ? answers.get(command) : null;
            if (answer != null) {
                return answer;
            }
            return ask(command, null);
        }

        @Override
        @SuppressWarnings("unchecked") // a value is kept under its fact's command, which only facts of its class have
        public <T> T fact(Fact<T> fact, RemoteCommand command) throws TransportException, FactException {
            if (used.add(command)) {
                if (values.containsKey(command)) {
                    return (T) values.get(command);
                }
                ExecResult answer = answers.get(command);
                if (answer != null) {
                    return fact.parse(answer);
                }
            }
            return fact.parse(ask(command, fact));
        }

        @Override
        public void prefetch(List<Question> facts) {
            if (host != null) {
                return; // a real run reads each fact when the plan asks it
            }
            List<Question> missing = facts.stream()
                    .filter(q -> !answers.containsKey(q.command()) && !values.containsKey(q.command())).toList();
            if (!missing.isEmpty()) {
                throw new Unanswered(missing);
            }
        }

        private ExecResult ask(RemoteCommand command, Fact<?> fact) throws TransportException {
            if (host == null) {
                throw new Unanswered(List.of(new Question(command, fact)));
            }
            return host.exec(command);
        }
    }

    /** Ends a plan made ahead at the first question (or prefetched facts) not answered yet; the planner reads them. */
    static final class Unanswered extends RuntimeException {
        final transient List<Question> questions;

        Unanswered(List<Question> questions) {
            super(null, null, false, false);
            this.questions = questions;
        }
    }
}
