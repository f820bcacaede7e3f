package io.pgha.engine;

import io.pgha.operations.Action;
import io.pgha.transport.ExecResult;
import io.pgha.transport.RemoteCommand;
import io.pgha.transport.Transport;
import io.pgha.transport.TransportException;

import java.time.Duration;
import java.util.List;

/** Applies a plan's actions in order over the host's transport; the first failing action stops. */
final class ActionApplier {
    private static final int ERROR_LINES = 20;

    private ActionApplier() {
    }

    /** @return the result of the last command run (an upload alone yields rc 0 and no output) */
    static ExecResult apply(Transport transport, List<Action> actions, boolean become)
            throws TransportException, ActionFailedException {
        ExecResult last = new ExecResult(0, "", "", Duration.ZERO);
        for (Action action : actions) {
            if (action instanceof Action.Exec exec) {
                last = execWithRetries(transport, exec, become);
            } else if (action instanceof Action.Upload upload) {
                transport.upload(upload.content(), upload.target());
            }
        }
        return last;
    }

    private static ExecResult execWithRetries(Transport transport, Action.Exec exec, boolean become)
            throws TransportException, ActionFailedException {
        RemoteCommand command = new RemoteCommand(exec.command(), become, exec.timeout());
        ExecResult result = transport.exec(command);
        for (int attempt = 0; !result.ok() && attempt < exec.retries(); attempt++) {
            sleep(exec.retryDelay());
            result = transport.exec(command);
        }
        if (!result.ok()) {
            String attempts = exec.retries() > 0 ? " after " + (exec.retries() + 1) + " attempts" : "";
            throw new ActionFailedException("command failed (rc=" + result.exitCode() + ")" + attempts + ": "
                    + exec.describe() + tail(result.errorText()));
        }
        return result;
    }

    private static String tail(String text) {
        if (text.isEmpty()) {
            return "";
        }
        String[] lines = text.split("\n");
        int from = Math.max(0, lines.length - ERROR_LINES);
        return "\n" + String.join("\n", java.util.Arrays.copyOfRange(lines, from, lines.length));
    }

    private static void sleep(Duration delay) throws ActionFailedException {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ActionFailedException("interrupted while waiting to retry");
        }
    }

    /** A command of the plan exited non-zero (the host stops: nothing reads a failed task's result). */
    static final class ActionFailedException extends Exception {
        ActionFailedException(String message) {
            super(message);
        }
    }
}
