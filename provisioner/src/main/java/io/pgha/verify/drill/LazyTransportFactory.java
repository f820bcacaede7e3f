package io.pgha.verify.drill;

import io.pgha.transport.ConnectionSpec;
import io.pgha.transport.Transport;
import io.pgha.transport.TransportFactory;
import io.pgha.transport.UnreachableException;

import java.util.function.Supplier;

/** Creates the SSH client on first use only, and closes it only if it was created. */
final class LazyTransportFactory implements TransportFactory {
    private final Supplier<TransportFactory> supplier;
    private TransportFactory delegate;

    LazyTransportFactory(Supplier<TransportFactory> supplier) {
        this.supplier = supplier;
    }

    @Override
    public Transport open(ConnectionSpec spec) throws UnreachableException {
        if (delegate == null) {
            delegate = supplier.get();
        }
        return delegate.open(spec);
    }

    @Override
    public void close() {
        if (delegate != null) {
            delegate.close();
        }
    }
}
