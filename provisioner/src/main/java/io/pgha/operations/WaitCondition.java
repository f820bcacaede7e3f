package io.pgha.operations;

import io.pgha.transport.ExecResult;
import io.pgha.transport.ShellQuote;

/**
 * Something {@code wait_for} polls on the host (Testcontainers' wait strategies, run remotely):
 * one probe command and how to read its result.
 */
sealed interface WaitCondition permits WaitCondition.Port, WaitCondition.Http, WaitCondition.Succeeds {

    /** Read-only shell command run on each poll. */
    String probe();

    /** Whether the polled result means the wait is over. */
    boolean satisfied(ExecResult result);

    /** What is waited for, for messages ("port 5432 on 127.0.0.1 to accept connections"). */
    String describe();

    /** The last observation, in words, for the timeout message. */
    default String observed(ExecResult result) {
        String text = result.errorText();
        return "exit code " + result.exitCode() + (text.isEmpty() ? "" : ": " + text);
    }

    /** A TCP port accepts connections (bash's /dev/tcp: no netcat needed). */
    record Port(String host, int port) implements WaitCondition {
        @Override
        public String probe() {
            return "timeout 5 bash -c " + ShellQuote.quote("exec 3</dev/tcp/" + host + "/" + port);
        }

        @Override
        public boolean satisfied(ExecResult result) {
            return result.ok();
        }

        @Override
        public String describe() {
            return "port " + port + " on " + host + " to accept connections";
        }

        @Override
        public String observed(ExecResult result) {
            String text = result.errorText();
            return text.isEmpty() ? "no connection (exit code " + result.exitCode() + ")" : text;
        }
    }

    /** An HTTP(S) URL answers with the expected status (curl on the host). */
    record Http(String url, int status) implements WaitCondition {
        @Override
        public String probe() {
            return "curl -sS -o /dev/null -m 5 -w '%{http_code}' -- " + ShellQuote.quote(url);
        }

        @Override
        public boolean satisfied(ExecResult result) {
            return result.stdout().strip().equals(Integer.toString(status));
        }

        @Override
        public String describe() {
            return url + " to answer HTTP " + status;
        }

        @Override
        public String observed(ExecResult result) {
            String code = result.stdout().strip();
            if (result.exitCode() == 127) {
                return "curl is not installed on the host";
            }
            return code.isEmpty() || code.equals("000") ? "no HTTP answer (" + result.errorText() + ")"
                    : "HTTP " + code;
        }
    }

    /**
     * A command exits 0. Each poll is cut off after {@code perPoll} seconds, so a hanging probe
     * cannot hold the wait past its own timeout.
     */
    record Succeeds(String command, long perPoll) implements WaitCondition {
        /** timeout(1)'s exit code when it had to stop the command. */
        private static final int TIMED_OUT = 124;

        @Override
        public String probe() {
            return "timeout " + perPoll + " sh -c " + ShellQuote.quote(command);
        }

        @Override
        public String observed(ExecResult result) {
            return result.exitCode() == TIMED_OUT ? "the command did not finish within " + perPoll + " s"
                    : WaitCondition.super.observed(result);
        }

        @Override
        public boolean satisfied(ExecResult result) {
            return result.ok();
        }

        @Override
        public String describe() {
            return "command '" + command + "' to succeed";
        }
    }
}
