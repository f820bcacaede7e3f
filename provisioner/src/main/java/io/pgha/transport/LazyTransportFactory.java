package io.pgha.transport;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Creates the SSH client only for a run that may connect, and closes it only if it was created: a run stopped
 * before connecting never starts one (starting MINA's client and its thread pools takes seconds on a busy
 * machine) unless it was {@linkplain #prepare() prepared}. Thread-safe: hosts connect in parallel.
 */
public final class LazyTransportFactory implements TransportFactory {
    private final Supplier<TransportFactory> create;
    private CompletableFuture<TransportFactory> created;

    public LazyTransportFactory(Supplier<TransportFactory> create) {
        this.create = create;
    }

    /**
     * Starts creating the client on a thread of its own, so that its start (a third of a second of class loading
     * and thread pools, connecting to nothing) overlaps with the work a run does before its first connection.
     */
    public synchronized void prepare() {
        if (created == null) {
            created = CompletableFuture.supplyAsync(create, task -> {
                Thread thread = new Thread(task, "pgha-ssh-client-start");
                thread.setDaemon(true);
                thread.start();
            });
        }
    }

    @Override
    public Transport open(ConnectionSpec spec) throws UnreachableException {
        return factory().open(spec);
    }

    private TransportFactory factory() {
        CompletableFuture<TransportFactory> client;
        synchronized (this) {
            if (created == null) {
                created = CompletableFuture.completedFuture(create.get());
            }
            client = created;
        }
        try {
            return client.join();
        } catch (CompletionException e) {
            // The creator's own exception, as if it had run on this thread.
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    @Override
    public synchronized void close() {
        if (created != null && !created.isCompletedExceptionally()) {
            created.join().close();
        }
    }
}
