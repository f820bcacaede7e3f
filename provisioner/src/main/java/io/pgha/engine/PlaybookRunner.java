package io.pgha.engine;

import io.pgha.inventory.Inventory;
import io.pgha.inventory.InventoryHost;
import io.pgha.operations.Operation;
import io.pgha.roles.PlaySpec;
import io.pgha.roles.Playbook;
import io.pgha.roles.Role;
import io.pgha.roles.TaskSpec;
import io.pgha.templating.Templates;
import io.pgha.transport.TransportFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a playbook: preflight (host patterns, asserts, secrets) before anything is changed, while the first
 * play's hosts connect and read their facts; then for each play: its new hosts are connected and their
 * facts read (reported at its start), then each role and task in order
 * runs on all the play's hosts in parallel, one worker thread and one connection per host for
 * the whole run. The facts of a host's coming tasks are read ahead in batches ({@link ReadAheadPlanner})
 * and forgotten on every host as soon as a task changes one. A failed task stops its host only; an
 * unreachable host is reported once and left out afterwards.
 */
public final class PlaybookRunner {
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    private final TransportFactory transports;
    private final Map<String, Operation> operations;
    private final Templates templates;
    private final RunListener listener;
    private final Redactor redactor;
    private final HostFacts hostFacts;

    public PlaybookRunner(TransportFactory transports, Map<String, Operation> operations, Templates templates,
                          RunListener listener, Redactor redactor) {
        this(transports, operations, templates, listener, redactor, HostFacts.none());
    }

    public PlaybookRunner(TransportFactory transports, Map<String, Operation> operations, Templates templates,
                          RunListener listener, Redactor redactor, HostFacts hostFacts) {
        this.hostFacts = hostFacts;
        this.transports = transports;
        this.operations = Map.copyOf(operations);
        this.templates = templates;
        this.listener = listener;
        this.redactor = redactor;
    }

    /**
     * @throws BadInputException when the input cannot run: before anything is changed on a host or the secrets
     *         file is written, with every connection the preflight's time was used for closed again
     */
    public RunSummary run(Inventory inventory, Playbook playbook, RunOptions options, SecretsSource secretsSource)
            throws BadInputException {
        long start = System.nanoTime();
        List<Target> targets = targets(inventory, playbook, options);
        Map<String, HostState> states = hostStates(inventory, targets);
        Map<String, ExecutorService> workers = new LinkedHashMap<>();
        states.keySet().forEach(host -> workers.put(host, Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "pgha-host-" + host);
            thread.setDaemon(true);
            return thread;
        })));
        FactGatherer gatherer = new FactGatherer(transports, hostFacts);
        TaskRef gathering = new TaskRef(null, FactGatherer.TASK_NAME, playbook.file().toString());
        // The first play's hosts connect and read their facts while the preflight runs: reading changes nothing,
        // and connecting is the longest wait before the first task. They are reported when the play starts.
        Started firstGathering = start(targets.get(0).hosts(), states, workers, state -> gatherer.run(state, gathering));
        try {
            Set<String> secretNames = secretNames(targets);
            Map<String, String> existingSecrets = secretsSource.load(secretNames, true);
            preflight(inventory, targets, existingSecrets);
            // Only now, with the input known good, may missing secrets be generated and written.
            Map<String, String> secrets = options.check() ? existingSecrets : secretsSource.load(secretNames, false);
            redactor.addAll(secrets.values());
            ScopeFactory scopes = new ScopeFactory(inventory, templates, secrets);

            TaskExecutor executor = new TaskExecutor(transports, operations, templates, options.check());
            ReadAheadPlanner planner = new ReadAheadPlanner(executor, transports);
            List<List<List<ReadAheadPlanner.Coming>>> plays = List.of();
            for (int p = 0; p < targets.size(); p++) {
                Target target = targets.get(p);
                listener.playStarted(target.play().name(), target.hosts());
                List<String> newHosts = target.hosts().stream().filter(h -> !states.get(h).gathered()).toList();
                report(gathering, p == 0 ? firstGathering
                        : start(newHosts, states, workers, state -> gatherer.run(state, gathering)));
                if (!newHosts.isEmpty() || plays.isEmpty()) {
                    plays = comingTasks(targets, scopes, states, options); // the variables include the new facts
                }
                List<List<ReadAheadPlanner.Coming>> roles = plays.get(p);
                for (int r = 0; r < roles.size(); r++) {
                    // Where nothing was read yet, or a change made the answers stale: read the rest of the run.
                    int play = p;
                    int role = r;
                    List<List<List<ReadAheadPlanner.Coming>>> all = plays;
                    onAllHostsQuietly(target.hosts().stream().filter(h -> !states.get(h).readAhead().current()).toList(),
                            states, workers, state -> readAhead(planner, state, rest(all, targets, play, role, state.name())));
                    for (ReadAheadPlanner.Coming coming : roles.get(r)) {
                        TaskRef ref = new TaskRef(coming.role().name(), coming.task().name(), coming.task().source());
                        List<HostResult> results = onAllHosts(ref, target.hosts(), states, workers,
                                state -> executor.run(state, coming.role(), coming.task(), coming.vars()));
                        if (!options.check() && results.stream().anyMatch(PlaybookRunner::mayHaveChanged)) {
                            // A change on one host can change what the others read (a cluster's state).
                            states.values().forEach(state -> state.readAhead().forget());
                        }
                    }
                }
            }
        } finally {
            // After bad input a host may still be connecting; otherwise every gathering has ended and this is a no-op.
            firstGathering.running().values().forEach(future -> future.cancel(true));
            workers.forEach((host, worker) -> worker.submit(states.get(host)::close));
            workers.values().forEach(ExecutorService::shutdown);
            awaitClosed(workers.values());
        }
        Map<String, HostStats> stats = new LinkedHashMap<>();
        states.forEach((host, state) -> stats.put(host, state.stats()));
        RunSummary summary = new RunSummary(stats, Duration.ofNanos(System.nanoTime() - start));
        listener.recap(summary);
        return summary;
    }

    /** A step running on some hosts, started before it is reported. */
    private record Started(long start, Map<String, Future<HostResult>> running) {
    }

    /** Starts a step on every host still running, each on its own worker, reporting nothing yet. */
    private static Started start(List<String> hosts, Map<String, HostState> states, Map<String, ExecutorService> workers,
                                 Function<HostState, HostResult> step) {
        long start = System.nanoTime();
        Map<String, Future<HostResult>> running = new LinkedHashMap<>();
        hosts.stream().filter(h -> !states.get(h).stopped())
                .forEach(host -> running.put(host, workers.get(host).submit(() -> step.apply(states.get(host)))));
        return new Started(start, running);
    }

    /** Reports a started step: each host's result in host order, as it comes; nothing when no host runs it. */
    private void report(TaskRef ref, Started step) {
        if (step.running().isEmpty()) {
            return;
        }
        listener.taskStarted(ref);
        step.running().values().forEach(future -> listener.hostResult(ref, await(future)));
        listener.taskFinished(ref, Duration.ofNanos(System.nanoTime() - step.start()));
    }

    private void readAhead(ReadAheadPlanner planner, HostState state, List<ReadAheadPlanner.Coming> tasks) {
        long start = System.nanoTime();
        ReadAheadPlanner.Read read = planner.readAhead(state, tasks);
        if (read.batches() > 0) {
            listener.factsReadAhead(state.name(), read.questions(), read.commands(), read.batches(), Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** For each play, for each of its roles: the selected tasks with the role's variables. */
    private static List<List<List<ReadAheadPlanner.Coming>>> comingTasks(List<Target> targets, ScopeFactory scopes,
                                                                        Map<String, HostState> states, RunOptions options) {
        Map<String, Map<String, Object>> facts = new LinkedHashMap<>();
        states.forEach((host, state) -> facts.put(host, state.facts()));
        List<List<List<ReadAheadPlanner.Coming>>> plays = new ArrayList<>();
        for (Target target : targets) {
            List<List<ReadAheadPlanner.Coming>> roles = new ArrayList<>();
            for (Role role : target.play().roles()) {
                ScopeFactory.RoleVars vars = scopes.forRole(role, facts);
                roles.add(role.tasks().stream().filter(task -> selected(task, role, options))
                        .map(task -> new ReadAheadPlanner.Coming(role, task, vars)).toList());
            }
            plays.add(roles);
        }
        return plays;
    }

    /** The tasks a host still runs from role {@code role} of play {@code play} on, to the end of the run. */
    private static List<ReadAheadPlanner.Coming> rest(List<List<List<ReadAheadPlanner.Coming>>> plays,
                                                      List<Target> targets, int play, int role, String host) {
        List<ReadAheadPlanner.Coming> rest = new ArrayList<>();
        plays.get(play).subList(role, plays.get(play).size()).forEach(rest::addAll);
        for (int p = play + 1; p < plays.size(); p++) {
            if (targets.get(p).hosts().contains(host)) {
                plays.get(p).forEach(rest::addAll);
            }
        }
        return rest;
    }

    private void preflight(Inventory inventory, List<Target> targets, Map<String, String> secrets)
            throws BadInputException {
        redactor.addAll(secrets.values());
        Preflight preflight = new Preflight(templates);
        ScopeFactory scopes = new ScopeFactory(inventory, templates, secrets);
        for (Target target : targets) {
            for (Role role : target.play().roles()) {
                preflight.check(role, scopes.forRole(role), target.hosts());
            }
        }
        preflight.throwIfFailed();
    }

    /** Runs one step on every host still running, each on its own worker, waits for all and returns their results. */
    private List<HostResult> onAllHosts(TaskRef ref, List<String> hosts, Map<String, HostState> states,
                                        Map<String, ExecutorService> workers, Function<HostState, HostResult> step) {
        List<String> active = hosts.stream().filter(h -> !states.get(h).stopped()).toList();
        if (active.isEmpty()) {
            return List.of();
        }
        long start = System.nanoTime();
        listener.taskStarted(ref);
        List<Future<HostResult>> running = new ArrayList<>();
        for (String host : active) {
            HostState state = states.get(host);
            running.add(workers.get(host).submit(() -> {
                HostResult result = step.apply(state);
                listener.hostResult(ref, result);
                return result;
            }));
        }
        List<HostResult> results = new ArrayList<>();
        for (Future<HostResult> future : running) {
            results.add(await(future));
        }
        listener.taskFinished(ref, Duration.ofNanos(System.nanoTime() - start));
        return results;
    }

    /** Like {@link #onAllHosts} for work that is not a task: nothing is reported. */
    private static void onAllHostsQuietly(List<String> hosts, Map<String, HostState> states,
                                          Map<String, ExecutorService> workers, Consumer<HostState> step) {
        List<Future<HostResult>> running = new ArrayList<>();
        for (String host : hosts) {
            HostState state = states.get(host);
            if (!state.stopped()) {
                running.add(workers.get(host).submit(() -> step.accept(state), null));
            }
        }
        running.forEach(PlaybookRunner::await);
    }

    private static boolean mayHaveChanged(HostResult result) {
        return result.status() != TaskStatus.OK && result.status() != TaskStatus.SKIPPED;
    }

    /** Connections are closed before the run returns (and before the caller closes the factory). */
    private static void awaitClosed(Iterable<ExecutorService> workers) {
        try {
            for (ExecutorService worker : workers) {
                worker.awaitTermination(CLOSE_TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for hosts", e);
        } catch (ExecutionException e) {
            // TaskExecutor turns every failure into a result; this is a bug in a listener.
            throw new IllegalStateException("host worker failed", e.getCause());
        }
    }

    private static boolean selected(TaskSpec task, Role role, RunOptions options) {
        if (options.tags().isEmpty()) {
            return true;
        }
        Set<String> tags = new HashSet<>(task.tags());
        tags.add(role.name());
        return tags.stream().anyMatch(options.tags()::contains);
    }

    /** A play and the hosts it runs on after {@code --limit}. */
    private record Target(PlaySpec play, List<String> hosts) {
    }

    private static List<Target> targets(Inventory inventory, Playbook playbook, RunOptions options)
            throws BadInputException {
        String limit = options.limit().isEmpty() ? null : String.join(",", options.limit());
        if (limit != null) {
            HostPatterns.limit(inventory, options.limit()); // a --limit naming nothing is a typo, even if no play uses it
        }
        List<Target> targets = new ArrayList<>();
        for (PlaySpec play : playbook.plays()) {
            List<String> hosts = HostPatterns.resolve(play.hosts(), limit, inventory,
                    "play '" + play.name() + "' in " + playbook.file() + " (hosts: " + play.hosts() + ")");
            if (!hosts.isEmpty()) {
                targets.add(new Target(play, hosts));
            }
        }
        if (targets.isEmpty()) {
            throw new BadInputException("no host to run on: " + (limit == null
                    ? "no play of " + playbook.file() + " matches a host of " + inventory.file()
                    : "--limit " + limit + " matches no host of any play"));
        }
        return targets;
    }

    private static Set<String> secretNames(List<Target> targets) {
        Set<String> names = new LinkedHashSet<>();
        targets.forEach(target -> target.play().roles().forEach(role -> names.addAll(role.secrets())));
        return names;
    }

    private static Map<String, HostState> hostStates(Inventory inventory, List<Target> targets) {
        Set<String> targeted = new HashSet<>();
        targets.forEach(target -> targeted.addAll(target.hosts()));
        Map<String, HostState> states = new LinkedHashMap<>();
        for (InventoryHost host : inventory.hosts()) {
            if (targeted.contains(host.name())) {
                states.put(host.name(), new HostState(host));
            }
        }
        return states;
    }
}
