package io.pgha.operations;

import com.fasterxml.jackson.jr.ob.JSON;
import io.pgha.facts.HttpAnswer;
import io.pgha.facts.HttpFact;
import io.pgha.transport.ExecResult;
import io.pgha.transport.ShellQuote;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Something {@code wait_for} polls on the host (Testcontainers' wait strategies, run remotely): one look at the
 * host per poll, and what it saw.
 */
sealed interface WaitCondition permits WaitCondition.Probed, WaitCondition.Http {

    /** One look: whether the wait is over, and what was seen, in words (for the timeout message). */
    Observation poll(OperationContext ctx) throws OperationException;

    /** What is waited for, for messages ("port 5432 on 127.0.0.1 to accept connections"). */
    String describe();

    record Observation(boolean ready, String seen) {
    }

    /** A condition read by one probe command: its exit code and output decide. */
    sealed interface Probed extends WaitCondition permits Port, Succeeds {
        /** Read-only shell command run on each poll. */
        String probe();

        /** Whether the polled result means the wait is over. */
        boolean satisfied(ExecResult result);

        /** The observation in words. */
        default String observed(ExecResult result) {
            String text = result.errorText();
            return "exit code " + result.exitCode() + (text.isEmpty() ? "" : ": " + text);
        }

        @Override
        default Observation poll(OperationContext ctx) throws OperationException {
            ExecResult result = ctx.probe(probe());
            return new Observation(satisfied(result), observed(result));
        }
    }

    /** A TCP port accepts connections (bash's /dev/tcp: no netcat needed). */
    record Port(String host, int port) implements Probed {
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

    /**
     * Every URL answers the expected status (asked by the host, {@link HttpFact}) and, with {@code until}, its JSON
     * body satisfies that condition (a Jinja expression over {@code json}, like Ansible's {@code until} over a
     * registered {@code uri} result). The URLs of all of a host's waits are read ahead in one {@code curl}.
     */
    record Http(List<String> urls, int status, String until) implements WaitCondition {
        @Override
        public Observation poll(OperationContext ctx) throws OperationException {
            List<HttpFact> facts = urls.stream().map(HttpFact::new).toList();
            ctx.prefetch(List.copyOf(facts));
            for (HttpFact fact : facts) {
                HttpAnswer answer = ctx.fact(fact);
                String seen = urls.size() > 1 ? fact.url() + ": " : "";
                if (answer.status() != status) {
                    return new Observation(false, seen + answer.describe());
                }
                if (until != null && !holds(ctx, answer)) {
                    return new Observation(false, seen + "HTTP " + answer.status() + " " + answer.body().strip());
                }
            }
            return new Observation(true, "");
        }

        private boolean holds(OperationContext ctx, HttpAnswer answer) throws OperationException {
            Object json;
            try {
                json = JSON.std.anyFrom(answer.body());
            } catch (IOException e) {
                return false; // not JSON (yet): a service still starting may answer otherwise
            }
            Map<String, Object> answerVars = new HashMap<>();
            answerVars.put("json", json); // may be null ("null" is JSON)
            return ctx.test(until, answerVars);
        }

        @Override
        public String describe() {
            String what = urls.size() == 1 ? urls.get(0) : "each of " + String.join(", ", urls);
            return what + " to answer HTTP " + status + (until == null ? "" : " where " + until.strip());
        }
    }

    /**
     * A command exits 0. Each poll is cut off after {@code perPoll} seconds, so a hanging probe
     * cannot hold the wait past its own timeout.
     */
    record Succeeds(String command, long perPoll) implements Probed {
        /** timeout(1)'s exit code when it had to stop the command. */
        private static final int TIMED_OUT = 124;

        @Override
        public String probe() {
            return "timeout " + perPoll + " sh -c " + ShellQuote.quote(command);
        }

        @Override
        public String observed(ExecResult result) {
            return result.exitCode() == TIMED_OUT ? "the command did not finish within " + perPoll + " s"
                    : Probed.super.observed(result);
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
