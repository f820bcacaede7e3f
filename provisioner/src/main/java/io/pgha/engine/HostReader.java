package io.pgha.engine;

import io.pgha.facts.Fact;
import io.pgha.facts.FactException;
import io.pgha.transport.ExecResult;
import io.pgha.transport.RemoteCommand;
import io.pgha.transport.TransportException;

import java.util.List;

/** Where a task's facts and probes (read-only commands) get their answers: the host, or answers read ahead. */
interface HostReader {

    /** A probe's result. */
    ExecResult read(RemoteCommand command) throws TransportException;

    /** A fact's value; {@code command} is the fact's command as the task runs it (with its become). */
    <T> T fact(Fact<T> fact, RemoteCommand command) throws TransportException, FactException;

    /** Facts the plan will read: a reader planning ahead asks those it has no answer for all at once; else nothing. */
    void prefetch(List<ReadAhead.Question> facts);
}
