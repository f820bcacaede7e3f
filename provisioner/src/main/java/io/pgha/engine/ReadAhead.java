package io.pgha.engine;

import io.pgha.facts.Fact;
import io.pgha.facts.FactException;
import io.pgha.roles.TaskSpec;
import io.pgha.transport.ExecResult;
import io.pgha.transport.RemoteCommand;
import io.pgha.transport.Transport;
import io.pgha.transport.TransportException;

import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Answers to one host's read-only commands, read in batches before the tasks that ask them run (see
 * {@link ReadAheadPlanner}). They hold only while nothing has changed: the engine forgets them as soon as a
 * task changes any host of the run, and the tasks after that ask the hosts themselves.
 *
 * <p>A task planned ahead to its end, from these answers alone, with nothing to change is settled: its run takes
 * that outcome instead of planning again, while the answers hold and no earlier task of the host changed anything
 * (even in check mode: {@code if_changed}) or registered a variable.
 *
 * <p>An answer is either a command's result, or the value of a fact that was read merged with others of its
 * kind (kept under the fact's own command). A plan (a task, or one item of a loop) gets each answer once: a
 * module that asks the same question again (a wait polling) is answered by the host.
 */
final class ReadAhead {
    private final Map<RemoteCommand, ExecResult> answers = new HashMap<>();
    private final Map<RemoteCommand, Object> values = new HashMap<>();
    /** Outcomes of tasks planned ahead to the end with nothing to change, with the variables they were planned with. */
    private final Map<TaskSpec, Settled> settled = new IdentityHashMap<>();
    private boolean current;

    private record Settled(ScopeFactory.RoleVars vars, TaskExecutor.Outcome outcome) {
    }

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
        settled.clear();
        current = false;
    }

    /** The task was planned from these answers alone and changes nothing. */
    void settle(TaskSpec task, ScopeFactory.RoleVars vars, TaskExecutor.Outcome outcome) {
        settled.put(task, new Settled(vars, outcome));
    }

    /** A variable the settled tasks did not see was set: they must be planned again. */
    void unsettle() {
        settled.clear();
    }

    /** The settled outcome of the task with these very variables (the same role in another play has others), or null. */
    TaskExecutor.Outcome settled(TaskSpec task, ScopeFactory.RoleVars vars) {
        Settled found = settled.get(task);
        return current && found != null && found.vars() == vars ? found.outcome() : null;
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
