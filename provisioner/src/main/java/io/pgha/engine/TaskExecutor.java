package io.pgha.engine;

import io.pgha.operations.Action;
import io.pgha.operations.Operation;
import io.pgha.operations.OperationException;
import io.pgha.operations.Plan;
import io.pgha.roles.Role;
import io.pgha.roles.TaskSpec;
import io.pgha.templating.TemplateException;
import io.pgha.templating.Templates;
import io.pgha.transport.ExecResult;
import io.pgha.transport.Transport;
import io.pgha.transport.TransportException;
import io.pgha.transport.TransportFactory;
import io.pgha.transport.UnreachableException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Runs one task on one host: {@code if_changed}, {@code when}, {@code loop}, rendering, the
 * module's plan, and (unless in check mode) its actions; then records the result on the host.
 */
final class TaskExecutor {
    private static final Pattern MENTIONS_ITEM = Pattern.compile("\\bitem\\b");
    private static final ExecResult NOTHING_RUN = new ExecResult(0, "", "", Duration.ZERO);
    private static final int ITEM_LABEL_MAX = 60;

    private final TransportFactory transports;
    private final Map<String, Operation> operations;
    private final Templates templates;
    private final boolean check;

    TaskExecutor(TransportFactory transports, Map<String, Operation> operations, Templates templates, boolean check) {
        this.transports = transports;
        this.operations = operations;
        this.templates = templates;
        this.check = check;
    }

    HostResult run(HostState state, Role role, TaskSpec task, ScopeFactory.RoleVars vars) {
        long start = System.nanoTime();
        Outcome outcome = state.readAhead().settled(task, vars);
        try {
            if (outcome == null) {
                outcome = execute(state, role, task, vars, null);
            }
        } catch (TemplateException e) {
            outcome = Outcome.failed(vars.explain(state.name(), e).getMessage());
        } catch (OperationException e) {
            outcome = e.getCause() instanceof UnreachableException unreachable
                    ? Outcome.unreachable(unreachable.getMessage()) : Outcome.failed(e.getMessage());
        } catch (UnreachableException e) {
            outcome = Outcome.unreachable(e.getMessage());
        } catch (TransportException | ActionApplier.ActionFailedException e) {
            outcome = Outcome.failed(e.getMessage());
        } catch (RuntimeException e) {
            // A module bug must fail its task on its host, not the worker thread or the run.
            outcome = Outcome.failed("module '" + task.module() + "' crashed: " + e);
        }
        TaskRef ref = new TaskRef(role.name(), task.name(), task.source());
        state.record(ref.qualifiedName(), outcome.status());
        boolean registers = task.register() != null && outcome.registered() != null;
        if (registers) {
            state.registered().put(task.register(), outcome.registered());
        }
        if (registers || outcome.status() == TaskStatus.CHANGED) {
            // The later tasks were settled without this variable, or this change their if_changed looks for
            // (in check mode too, where nothing changed on the host and the answers still hold).
            state.readAhead().unsettle();
        }
        return new HostResult(state.name(), outcome.status(), outcome.message(), outcome.diff(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Plans the task on the host without running anything, with only the answers read ahead so far (see
     * {@link ReadAheadPlanner}).
     *
     * A task planned to the end with nothing to change is settled: its real run takes that outcome while the
     * answers hold.
     *
     * @return the first read-only command (with its fact, if it is one) each plan (each loop item) needs that has
     *     no answer yet; empty when none is missing, or when the task cannot be planned ahead (then its real run
     *     reports why)
     */
    List<ReadAhead.Question> planAhead(HostState state, Role role, TaskSpec task, ScopeFactory.RoleVars vars) {
        Ahead ahead = new Ahead();
        try {
            Outcome outcome = execute(state, role, task, vars, ahead);
            if (ahead.unanswered.isEmpty() && !ahead.provisional
                    && (outcome.status() == TaskStatus.OK || outcome.status() == TaskStatus.SKIPPED)) {
                // Planned from answers alone and nothing to change: its real run would plan the same again.
                state.readAhead().settle(task, vars, outcome);
            }
        } catch (TemplateException | OperationException | TransportException | ActionApplier.ActionFailedException
                 | RuntimeException e) {
            // Nothing to read ahead for it; the real run meets the same problem and reports it.
        }
        return ahead.unanswered;
    }

    /** What planning a task ahead found: the questions it could not answer yet, and whether a plan was provisional. */
    private static final class Ahead {
        final List<ReadAhead.Question> unanswered = new ArrayList<>();
        /** A plan that depended on being made ahead (a wait not ready yet, which does not wait then). */
        boolean provisional;
    }

    /** @param planningAhead null to run the task; else it is planned ahead, collecting what {@link Ahead} holds */
    private Outcome execute(HostState state, Role role, TaskSpec task, ScopeFactory.RoleVars vars, Ahead planningAhead)
            throws TemplateException, OperationException, TransportException, ActionApplier.ActionFailedException {
        boolean ahead = planningAhead != null;
        String where = "task '" + task.name() + "' (" + task.source() + ")";
        if (!task.ifChanged().isEmpty() && task.ifChanged().stream().noneMatch(n -> state.changed(qualify(role, n)))) {
            return Outcome.skipped("no change in " + String.join(", ", task.ifChanged()));
        }
        Map<String, Object> scope = vars.scope(state.name(), state.registered());
        List<String> itemConditions = new ArrayList<>();
        for (String condition : task.when()) {
            if (task.loop() != null && MENTIONS_ITEM.matcher(condition).find()) {
                itemConditions.add(condition);
            } else if (!templates.test(condition, scope, where)) {
                return Outcome.skipped("condition false: " + condition);
            }
        }
        List<?> items = task.loop() == null ? null : loopItems(task.loop(), scope, where);
        if (items != null && items.isEmpty()) {
            return Outcome.skipped("empty loop");
        }
        Operation operation = operations.get(task.module());
        if (operation == null) {
            return Outcome.failed("unknown module '" + task.module() + "' in " + where);
        }
        boolean become = task.become() != null ? task.become() : state.host().connection().become();
        Transport transport = state.connect(transports);

        List<ItemRun> runs = new ArrayList<>();
        for (Object item : items == null ? java.util.Collections.singletonList(null) : items) {
            Map<String, Object> itemScope = items == null ? scope : ScopeFactory.RoleVars.withItem(scope, item);
            if (!allHold(itemConditions, itemScope, where)) {
                continue;
            }
            Map<String, Object> args = templates.renderArgs(task.args(), itemScope, where);
            // A reader per item: each item is a plan of its own, so items asking the same question (the file
            // every sysctl key is persisted in) are all answered by one read; a wait polling in one plan still
            // asks the host the second time, and an item's change makes the next items ask the host (forget).
            HostReader reader = ahead ? state.readAhead().ahead() : state.readAhead().forTask(transport);
            EngineOperationContext context = new EngineOperationContext(state.name(), reader, ahead, become, check,
                    itemScope, role.dir(), templates, state.writtenInCheck());
            Plan plan;
            try {
                plan = operation.plan(context, args);
            } catch (ReadAhead.Unanswered question) {
                // Only planning ahead asks with unanswered questions; a loop's other items are still asked.
                planningAhead.unanswered.addAll(question.questions);
                continue;
            }
            if (context.plannedDifferentlyAhead()) {
                planningAhead.provisional = true;
            }
            ExecResult result = NOTHING_RUN;
            if (plan.changes() && check && !ahead) {
                // Later tasks may depend on these files being newer (a restart guarded by if_started_before).
                for (Action action : plan.actions()) {
                    if (action instanceof Action.Upload upload) {
                        state.wouldHaveWritten(upload.target().path());
                    }
                }
            }
            if (plan.changes() && !check && !ahead) {
                // Whatever was read ahead may be stale from the first action on, even if it fails.
                state.readAhead().forget();
                result = ActionApplier.apply(transport, plan.actions(), become);
            }
            runs.add(new ItemRun(item, plan, result));
        }
        if (runs.isEmpty()) {
            return Outcome.skipped("condition false for every item: " + String.join(" and ", itemConditions));
        }
        return Outcome.of(runs, items != null);
    }

    private boolean allHold(List<String> conditions, Map<String, Object> scope, String where) throws TemplateException {
        for (String condition : conditions) {
            if (!templates.test(condition, scope, where)) {
                return false;
            }
        }
        return true;
    }

    private List<?> loopItems(Object loop, Map<String, Object> scope, String where) throws TemplateException {
        Object items = templates.renderValue(loop, scope, where);
        if (items instanceof List<?> list) {
            return list;
        }
        throw new TemplateException("loop must be a list, but is " + (items == null ? "none" : "'" + items + "'") + " in " + where);
    }

    private static String qualify(Role role, String taskName) {
        return taskName.contains("/") ? taskName : role.name() + "/" + taskName;
    }

    private record ItemRun(Object item, Plan plan, ExecResult result) {
        Map<String, Object> registered() {
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("changed", plan.changes());
            value.put("skipped", false);
            value.put("rc", result.exitCode());
            value.put("stdout", result.stdout() == null ? "" : result.stdout());
            value.put("stderr", result.stderr() == null ? "" : result.stderr());
            return value;
        }

        /** The item as the result line names it: a map item by its {@code name}, long items cut short. */
        String label() {
            Object named = item instanceof Map<?, ?> map && map.get("name") != null ? map.get("name") : item;
            String text = String.valueOf(named);
            return text.length() > ITEM_LABEL_MAX ? text.substring(0, ITEM_LABEL_MAX) + "..." : text;
        }

        /** The module's message, prefixed by the item unless the message already names it. */
        String labelledMessage() {
            String message = plan.message() == null ? "" : plan.message();
            return message.contains(label()) ? message : "[" + label() + "] " + message;
        }
    }

    /** A task's outcome on a host, with what {@code register} stores. */
    record Outcome(TaskStatus status, String message, String diff, Map<String, Object> registered) {

        static Outcome skipped(String reason) {
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("changed", false);
            value.put("skipped", true);
            value.put("rc", 0);
            value.put("stdout", "");
            value.put("stderr", "");
            return new Outcome(TaskStatus.SKIPPED, reason, null, value);
        }

        static Outcome failed(String error) {
            return new Outcome(TaskStatus.FAILED, error, null, null);
        }

        static Outcome unreachable(String reason) {
            return new Outcome(TaskStatus.UNREACHABLE, reason, null, null);
        }

        static Outcome of(List<ItemRun> runs, boolean loop) {
            boolean changed = runs.stream().anyMatch(r -> r.plan().changes());
            TaskStatus status = changed ? TaskStatus.CHANGED : TaskStatus.OK;
            if (!loop) {
                ItemRun run = runs.get(0);
                return new Outcome(status, run.plan().message(), run.plan().diff(), run.registered());
            }
            List<String> messages = new ArrayList<>();
            List<String> diffs = new ArrayList<>();
            List<Map<String, Object>> results = new ArrayList<>();
            for (ItemRun run : runs) {
                if (run.plan().changes() || !changed) {
                    messages.add(run.labelledMessage());
                }
                if (run.plan().diff() != null) {
                    diffs.add(run.plan().diff());
                }
                Map<String, Object> itemResult = run.registered();
                itemResult.put("item", run.item());
                results.add(itemResult);
            }
            Map<String, Object> registered = runs.get(runs.size() - 1).registered();
            registered.put("changed", changed);
            registered.put("results", results);
            return new Outcome(status, String.join("; ", messages), diffs.isEmpty() ? null : String.join("\n", diffs),
                    registered);
        }
    }
}
