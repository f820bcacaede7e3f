package io.pgha.transport;

import java.util.function.Supplier;

/**
 * Creates the SSH client on the first connection and closes it only if it was created: a run stopped
 * before connecting never starts one (starting MINA's client and its thread pools takes seconds on a
 * busy machine). Thread-safe: hosts connect in parallel.
 */
public final class LazyTransportFactory implements TransportFactory {
    private final Supplier<TransportFactory> create;
    private TransportFactory created;

    public LazyTransportFactory(Supplier<TransportFactory> create) {
        this.create = create;
    }

    @Override
    public Transport open(ConnectionSpec spec) throws UnreachableException {
        return factory().open(spec);
    }

    private synchronized TransportFactory factory() {
        if (created == null) {
            created = create.get();
        }
        return created;
    }

    @Override
    public synchronized void close() {
        if (created != null) {
            created.close();
        }
    }
}
