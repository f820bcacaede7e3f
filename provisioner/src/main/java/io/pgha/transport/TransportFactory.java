package io.pgha.transport;

/** Opens connections; one factory (and one SSH client) per pgha process. */
public interface TransportFactory extends AutoCloseable {

    /** Connects and authenticates, or throws {@link UnreachableException} with the reason. */
    Transport open(ConnectionSpec spec) throws UnreachableException;

    @Override
    void close();
}
