package io.pgha.engine;

import io.pgha.facts.Fact;
import io.pgha.facts.FactException;
import io.pgha.facts.MergeableFact;
import io.pgha.transport.ExecResult;
import io.pgha.transport.RemoteCommand;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The commands one round of read-ahead runs for a host's questions: facts of one kind (and privilege) asked by
 * several plans are read with one merged command (one {@code stat} for all files instead of one each); every other
 * question is its own command. A host runs a process per command and more per fact, so on a converged host the
 * processes, not the round trips, are what a re-run costs.
 */
final class FactMerging {
    /** A merged command, the fact that reads it, and the commands of the facts it stands for (in order). */
    private record Merged(Fact<List<Object>> fact, List<RemoteCommand> members) {
    }

    /** Facts merge with those of the same merger read with the same privilege. */
    private record Kind(MergeableFact.Merger merger, boolean become) {
    }

    private final List<RemoteCommand> commands = new ArrayList<>();
    private final Map<RemoteCommand, Merged> merged = new LinkedHashMap<>();

    private FactMerging() {
    }

    /** @param questions distinct by command */
    static FactMerging of(Collection<ReadAhead.Question> questions) {
        FactMerging reads = new FactMerging();
        Map<Kind, List<ReadAhead.Question>> kinds = new LinkedHashMap<>();
        for (ReadAhead.Question question : questions) {
            if (question.fact() instanceof MergeableFact<?> fact) {
                kinds.computeIfAbsent(new Kind(fact.merger(), question.command().become()), k -> new ArrayList<>())
                        .add(question);
            } else {
                reads.commands.add(question.command());
            }
        }
        kinds.forEach((kind, same) -> {
            if (same.size() == 1) {
                reads.commands.add(same.get(0).command());
                return;
            }
            Fact<List<Object>> fact = kind.merger().merge(same.stream().map(ReadAhead.Question::fact).toList());
            RemoteCommand first = same.get(0).command();
            // Asked as its facts are asked (their privilege and timeout), only the script differs.
            RemoteCommand command = new RemoteCommand(fact.command(), first.become(), first.timeout());
            reads.commands.add(command);
            reads.merged.put(command, new Merged(fact, same.stream().map(ReadAhead.Question::command).toList()));
        });
        return reads;
    }

    /** What the host runs for these questions. */
    List<RemoteCommand> commands() {
        return List.copyOf(commands);
    }

    /**
     * Keeps the answers: a command's result as it is, a merged command's as each of its facts' values. A merged
     * result that does not parse answers none of its facts: each task then reads its own (and reports what fails).
     */
    void keep(Map<RemoteCommand, ExecResult> results, ReadAhead answers) {
        Map<RemoteCommand, ExecResult> plain = new LinkedHashMap<>(results);
        for (Map.Entry<RemoteCommand, Merged> entry : merged.entrySet()) {
            ExecResult result = plain.remove(entry.getKey());
            if (result == null) {
                continue;
            }
            List<RemoteCommand> members = entry.getValue().members();
            try {
                List<Object> values = entry.getValue().fact().parse(result);
                if (values.size() != members.size()) {
                    continue;
                }
                Map<RemoteCommand, Object> byCommand = new LinkedHashMap<>();
                for (int i = 0; i < members.size(); i++) {
                    byCommand.put(members.get(i), values.get(i));
                }
                answers.addValues(byCommand);
            } catch (FactException e) {
                // Not an error of any task: each reads its own fact and reports what is wrong.
            }
        }
        answers.add(plain);
    }
}
