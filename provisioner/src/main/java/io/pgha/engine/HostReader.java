package io.pgha.engine;

import io.pgha.transport.ExecResult;
import io.pgha.transport.RemoteCommand;
import io.pgha.transport.TransportException;

/** Where a task's facts and probes (read-only commands) get their answers: the host, or answers read ahead. */
@FunctionalInterface
interface HostReader {

    ExecResult read(RemoteCommand command) throws TransportException;
}
