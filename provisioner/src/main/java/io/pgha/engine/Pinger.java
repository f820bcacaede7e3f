package io.pgha.engine;

import io.pgha.facts.Fact;
import io.pgha.facts.FactException;
import io.pgha.inventory.InventoryHost;
import io.pgha.transport.ExecResult;
import io.pgha.transport.RemoteCommand;
import io.pgha.transport.Transport;
import io.pgha.transport.TransportException;
import io.pgha.transport.TransportFactory;
import io.pgha.transport.UnreachableException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Checks that every host can be reached, authenticated against and (when tasks become root)
 * runs {@code sudo -n}, and reads what system it is, all hosts in parallel. Changes nothing.
 */
public final class Pinger<T> {
    private final TransportFactory transports;
    private final Fact<T> osFact;
    private final Function<? super T, String> describe;

    /** @param describe turns the fact's value into the one-line description printed per host */
    public Pinger(TransportFactory transports, Fact<T> osFact, Function<? super T, String> describe) {
        this.transports = transports;
        this.osFact = osFact;
        this.describe = describe;
    }

    /** One host's answer; {@code detail} is the OS description, or why the host failed. */
    public record Result(String host, TaskStatus status, String detail, Duration elapsed) {
    }

    /** Pings all hosts in parallel, handing each result to {@code onResult} as it arrives; results in host order. */
    public List<Result> ping(List<InventoryHost> hosts, Consumer<Result> onResult) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, hosts.size()), r -> {
            Thread thread = new Thread(r, "pgha-ping");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Result>> futures = new ArrayList<>();
            for (InventoryHost host : hosts) {
                futures.add(pool.submit(() -> {
                    Result result = ping(host);
                    onResult.accept(result);
                    return result;
                }));
            }
            List<Result> results = new ArrayList<>();
            for (Future<Result> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pinging", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("ping failed", e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    private Result ping(InventoryHost host) {
        long start = System.nanoTime();
        TaskStatus status;
        String detail;
        try (Transport transport = transports.open(host.connection())) {
            boolean become = host.connection().become();
            if (become) {
                ExecResult sudo = transport.exec(RemoteCommand.asRoot("true").withTimeout(Duration.ofSeconds(30)));
                if (!sudo.ok()) {
                    return new Result(host.name(), TaskStatus.FAILED, "sudo -n true failed (become needs passwordless sudo for "
                            + host.connection().user() + "): " + sudo.errorText(), elapsed(start));
                }
            }
            ExecResult os = transport.exec(new RemoteCommand(osFact.command(), become && osFact.needsRoot(),
                    Duration.ofSeconds(30)));
            status = TaskStatus.OK;
            detail = describe.apply(osFact.parse(os)) + (become ? ", sudo ok" : "");
        } catch (UnreachableException e) {
            status = TaskStatus.UNREACHABLE;
            detail = e.getMessage();
        } catch (TransportException | FactException e) {
            status = TaskStatus.FAILED;
            detail = e.getMessage();
        }
        return new Result(host.name(), status, detail, elapsed(start));
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
