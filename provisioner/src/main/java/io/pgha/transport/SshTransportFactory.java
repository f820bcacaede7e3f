package io.pgha.transport;

/** Opens SSH connections with Apache MINA SSHD. (Implementation lands with the transport work.) */
public final class SshTransportFactory implements TransportFactory {
    private final SshSettings settings;

    public SshTransportFactory(SshSettings settings) {
        this.settings = settings;
    }

    @Override
    public Transport open(ConnectionSpec spec) throws UnreachableException {
        throw new UnreachableException("SSH transport not built yet (settings " + settings + ")");
    }

    @Override
    public void close() {
    }
}
