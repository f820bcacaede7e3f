package io.pgha.cli;

import io.pgha.transport.ConnectionSpec;
import io.pgha.transport.Transport;
import io.pgha.transport.TransportFactory;
import io.pgha.transport.UnreachableException;

import java.util.function.Supplier;

/**
 * Creates the SSH client on the first connection: a run stopped by preflight never starts one
 * (starting MINA's client and its thread pools takes seconds on a busy machine).
 */
final class LazyTransports implements TransportFactory {
    private final Supplier<TransportFactory> create;
    private TransportFactory created;

    LazyTransports(Supplier<TransportFactory> create) {
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
