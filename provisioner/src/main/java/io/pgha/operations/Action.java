package io.pgha.operations;

import io.pgha.transport.RemoteFile;

import java.time.Duration;

/** One change to make on a host, as planned by a module. */
public sealed interface Action permits Action.Exec, Action.Upload {

    /** Human-readable form for check mode and logs; never contains secrets' values un-redacted. */
    String describe();

    /**
     * Run a mutating shell command; non-zero exit fails the task.
     *
     * @param retries extra attempts on failure (e.g. apt waiting on the dpkg lock), with
     *                {@code retryDelay} between them
     */
    record Exec(String command, Duration timeout, int retries, Duration retryDelay) implements Action {
        public Exec(String command) {
            this(command, io.pgha.transport.RemoteCommand.DEFAULT_TIMEOUT, 0, Duration.ZERO);
        }

        @Override
        public String describe() {
            return command;
        }
    }

    /** Write a file atomically (see {@link io.pgha.transport.Transport#upload}). */
    record Upload(byte[] content, RemoteFile target) implements Action {
        @Override
        public String describe() {
            return "write " + target.path() + " (" + content.length + " bytes, mode " + target.mode() + ")";
        }
    }
}
