package io.pgha.engine;

import io.pgha.roles.Role;
import io.pgha.roles.TaskSpec;
import io.pgha.transport.RemoteCommand;
import io.pgha.transport.Transport;
import io.pgha.transport.TransportException;
import io.pgha.transport.TransportFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the facts of a host's coming tasks in a few round trips instead of one or more per task: plans each
 * task ahead with the answers read so far, collects the first question each plan could not answer, reads
 * them all in one {@link ProbeBatch}, and repeats (a fact may depend on an earlier one) for at most
 * {@link #ROUNDS} rounds. On a converged host every task then plans from these answers, and a run that
 * changes nothing costs a handful of round trips per host.
 *
 * <p>Only read-only commands are read ahead (facts and probes, which modules must keep read-only); actions
 * always run in order. The answers hold until a task changes a host ({@link ReadAhead#forget()}).
 */
final class ReadAheadPlanner {
    static final int ROUNDS = 4;

    /** A task with the variables of its role, as the runner will run it. */
    record Coming(Role role, TaskSpec task, ScopeFactory.RoleVars vars) {
    }

    private final TaskExecutor executor;
    private final TransportFactory transports;

    ReadAheadPlanner(TaskExecutor executor, TransportFactory transports) {
        this.executor = executor;
        this.transports = transports;
    }

    /**
     * What one read ahead asked a host: how many questions (facts and probes), in how many commands (facts of one
     * kind merged into one), in how many rounds (each round is one batch per privilege; a run that becomes root
     * everywhere has one per round).
     */
    record Read(int questions, int commands, int batches) {
    }

    Read readAhead(HostState state, List<Coming> tasks) {
        Transport transport;
        try {
            transport = state.connect(transports);
        } catch (TransportException e) {
            return new Read(0, 0, 0); // the host's first task reports it unreachable
        }
        ReadAhead answers = state.readAhead();
        answers.renew();
        Set<RemoteCommand> asked = new HashSet<>();
        List<Coming> pending = new ArrayList<>(tasks);
        int batches = 0;
        int commands = 0;
        for (int round = 0; round < ROUNDS && !pending.isEmpty(); round++) {
            Map<RemoteCommand, ReadAhead.Question> questions = new LinkedHashMap<>();
            List<Coming> waiting = new ArrayList<>();
            for (Coming coming : pending) {
                // A question asked before was either not answered (the batch ended early) or asked twice by one
                // plan (a wait polling): that one is left to the task's real run.
                List<ReadAhead.Question> fresh = executor.planAhead(state, coming.role(), coming.task(), coming.vars())
                        .stream().filter(question -> !asked.contains(question.command())).toList();
                if (!fresh.isEmpty()) {
                    fresh.forEach(question -> questions.putIfAbsent(question.command(), question));
                    waiting.add(coming);
                }
            }
            if (questions.isEmpty()) {
                break;
            }
            asked.addAll(questions.keySet());
            FactMerging reads = FactMerging.of(questions.values());
            reads.keep(ProbeBatch.run(transport, reads.commands()), answers);
            commands += reads.commands().size();
            batches++;
            pending = waiting;
        }
        return new Read(asked.size(), commands, batches);
    }
}
