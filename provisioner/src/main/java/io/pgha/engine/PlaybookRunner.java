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

/**
 * Runs a playbook: preflight (host patterns, asserts, secrets) before any connection, then for
 * each play, role and task in order, the task on all its hosts in parallel, one worker thread
 * and one connection per host for the whole run. A failed task stops its host only; an
 * unreachable host is reported once and left out afterwards.
 */
public final class PlaybookRunner {
    private final TransportFactory transports;
    private final Map<String, Operation> operations;
    private final Templates templates;
    private final RunListener listener;
    private final Redactor redactor;

    public PlaybookRunner(TransportFactory transports, Map<String, Operation> operations, Templates templates,
                          RunListener listener, Redactor redactor) {
        this.transports = transports;
        this.operations = Map.copyOf(operations);
        this.templates = templates;
        this.listener = listener;
        this.redactor = redactor;
    }

    /** @throws BadInputException before anything is connected to, when the input cannot run */
    public RunSummary run(Inventory inventory, Playbook playbook, RunOptions options, SecretsSource secretsSource)
            throws BadInputException {
        long start = System.nanoTime();
        List<Target> targets = targets(inventory, playbook, options);
        Set<String> secretNames = secretNames(targets);
        Map<String, String> existingSecrets = secretsSource.load(secretNames, true);
        preflight(inventory, targets, existingSecrets);
        // Only now, with the input known good, may missing secrets be generated and written.
        Map<String, String> secrets = options.check() ? existingSecrets : secretsSource.load(secretNames, false);
        redactor.addAll(secrets.values());
        ScopeFactory scopes = new ScopeFactory(inventory, templates, secrets);

        Map<String, HostState> states = hostStates(inventory, targets);
        Map<String, ExecutorService> workers = new LinkedHashMap<>();
        states.keySet().forEach(host -> workers.put(host, Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "pgha-host-" + host);
            thread.setDaemon(true);
            return thread;
        })));
        TaskExecutor executor = new TaskExecutor(transports, operations, templates, options.check());
        try {
            for (Target target : targets) {
                listener.playStarted(target.play().name(), target.hosts());
                for (Role role : target.play().roles()) {
                    ScopeFactory.RoleVars vars = scopes.forRole(role);
                    for (TaskSpec task : role.tasks()) {
                        if (selected(task, role, options)) {
                            runTask(executor, role, task, vars, target.hosts(), states, workers);
                        }
                    }
                }
            }
        } finally {
            workers.forEach((host, worker) -> worker.submit(states.get(host)::close));
            workers.values().forEach(ExecutorService::shutdown);
        }
        Map<String, HostStats> stats = new LinkedHashMap<>();
        states.forEach((host, state) -> stats.put(host, state.stats()));
        RunSummary summary = new RunSummary(stats, Duration.ofNanos(System.nanoTime() - start));
        listener.recap(summary);
        return summary;
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

    private void runTask(TaskExecutor executor, Role role, TaskSpec task, ScopeFactory.RoleVars vars,
                         List<String> hosts, Map<String, HostState> states, Map<String, ExecutorService> workers) {
        List<String> active = hosts.stream().filter(h -> !states.get(h).stopped()).toList();
        if (active.isEmpty()) {
            return;
        }
        TaskRef ref = new TaskRef(role.name(), task.name(), task.source());
        long start = System.nanoTime();
        listener.taskStarted(ref);
        List<Future<?>> running = new ArrayList<>();
        for (String host : active) {
            HostState state = states.get(host);
            running.add(workers.get(host).submit(() -> listener.hostResult(ref, executor.run(state, role, task, vars))));
        }
        for (Future<?> future : running) {
            await(future);
        }
        listener.taskFinished(ref, Duration.ofNanos(System.nanoTime() - start));
    }

    private static void await(Future<?> future) {
        try {
            future.get();
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
        Set<String> allowed = null;
        if (!options.limit().isEmpty()) {
            allowed = new HashSet<>();
            for (String pattern : options.limit()) {
                allowed.addAll(HostPatterns.resolve(pattern, inventory, "--limit"));
            }
        }
        List<Target> targets = new ArrayList<>();
        for (PlaySpec play : playbook.plays()) {
            List<String> hosts = new ArrayList<>(HostPatterns.resolve(play.hosts(), inventory,
                    "play '" + play.name() + "' in " + playbook.file() + " (hosts: " + play.hosts() + ")"));
            if (allowed != null) {
                hosts.retainAll(allowed);
            }
            if (!hosts.isEmpty()) {
                targets.add(new Target(play, List.copyOf(hosts)));
            }
        }
        if (targets.isEmpty()) {
            throw new BadInputException("no host to run on: " + (allowed == null
                    ? "no play of " + playbook.file() + " matches a host of " + inventory.file()
                    : "--limit " + String.join(",", options.limit()) + " matches no host of any play"));
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
