package io.pgha.transport;

/**
 * One open connection to one host. The only way the rest of pgha talks to a server:
 * nothing outside this package imports {@code org.apache.sshd}.
 *
 * <p>Implementations are safe to call from one thread at a time per host (the runner keeps
 * one worker per host), but may serve several channels over the same session.
 */
public interface Transport extends AutoCloseable {

    /** The inventory name of the host this transport is connected to. */
    String hostName();

    /**
     * Runs a POSIX shell command line on the host and waits for it to end or time out.
     * With {@link RemoteCommand#become()} the command runs as root through {@code sudo -n}.
     * A non-zero exit code is a normal result, not an exception.
     *
     * @throws TransportException when the command could not be run or timed out
     */
    ExecResult exec(RemoteCommand command) throws TransportException;

    /**
     * Writes {@code content} to {@link RemoteFile#path()} atomically: the bytes land in a
     * temporary file in the same directory with the requested owner and mode, the optional
     * validate command runs against that temporary file, and only then is it renamed over the
     * target. On any failure the old file is left untouched and the temporary file removed.
     */
    void upload(byte[] content, RemoteFile target) throws TransportException;

    @Override
    void close();
}
