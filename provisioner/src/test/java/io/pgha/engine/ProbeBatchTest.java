package io.pgha.engine;

import io.pgha.facts.LocalShell;
import io.pgha.transport.ExecResult;
import io.pgha.transport.RemoteCommand;
import io.pgha.transport.RemoteFile;
import io.pgha.transport.Transport;
import io.pgha.transport.TransportException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The batch script runs in the real local shell: each answer must be what the command alone gives. */
class ProbeBatchTest {

    /** This machine's shell as a host; records what it was sent. */
    private static class LocalShellHost implements Transport {
        final List<RemoteCommand> sent = new ArrayList<>();

        @Override
        public String hostName() {
            return "local";
        }

        @Override
        public ExecResult exec(RemoteCommand command) {
            sent.add(command);
            return LocalShell.run(command.script());
        }

        @Override
        public void upload(byte[] content, RemoteFile target) throws TransportException {
            throw new TransportException("a batch never uploads");
        }

        @Override
        public void close() {
        }
    }

    private final LocalShellHost host = new LocalShellHost();

    @Test
    void everyAnswerIsWhatTheCommandGivesAlone() {
        List<String> scripts = List.of(
                "printf 'no trailing newline'",
                "echo out; echo err >&2; exit 3",
                "echo 'it'\"'\"'s quoted'",
                "echo hi # a comment that must not swallow the rest",
                "cat <<EOF\nfrom a here-document\nEOF",
                "exit 0",
                "cd / && pwd",
                "pwd",
                "cat",
                "echo \"[$1] [$#]\"",
                "set -e; false; echo not reached",
                "printf '\\n\\nblank lines around\\n\\n'",
                "");

        Map<RemoteCommand, ExecResult> answers = ProbeBatch.run(host, scripts.stream().map(ProbeBatchTest::read).toList());

        assertThat(answers).hasSize(scripts.size());
        for (String script : scripts) {
            ExecResult alone = LocalShell.run(script);
            assertThat(answers.get(read(script))).as(script)
                    .returns(alone.exitCode(), ExecResult::exitCode)
                    .returns(alone.stdout(), ExecResult::stdout)
                    .returns(alone.stderr(), ExecResult::stderr);
        }
        assertThat(host.sent).hasSize(1);
    }

    @Test
    void aBatchCutShortAnswersOnlyTheCommandsThatFinished() {
        // The second command kills the batch's shell, as a timeout would.
        List<RemoteCommand> commands = List.of(read("echo first"), read("kill -9 $$"), read("echo never"));

        Map<RemoteCommand, ExecResult> answers = ProbeBatch.run(host, commands);

        assertThat(answers).containsOnlyKeys(read("echo first"));
        assertThat(answers.get(read("echo first")).stdout()).isEqualTo("first\n");
    }

    @Test
    void eachAnswerIsKeptUnderTheCommandAsItWasAsked() {
        RemoteCommand ownTimeout = read("echo slow").withTimeout(java.time.Duration.ofSeconds(120));

        Map<RemoteCommand, ExecResult> answers = ProbeBatch.run(host, List.of(ownTimeout));

        assertThat(answers).containsOnlyKeys(ownTimeout);
    }

    @Test
    void rootAndUserCommandsGoInSeparateBatches() {
        RemoteCommand asRoot = new RemoteCommand("echo root", true, RemoteCommand.DEFAULT_TIMEOUT);

        Map<RemoteCommand, ExecResult> answers = ProbeBatch.run(host, List.of(read("echo user"), asRoot));

        assertThat(answers.get(asRoot).stdout()).isEqualTo("root\n");
        assertThat(answers.get(read("echo user")).stdout()).isEqualTo("user\n");
        assertThat(host.sent).extracting(RemoteCommand::become).containsExactly(true, false);
        assertThat(host.sent).allSatisfy(c -> assertThat(c.timeout()).isEqualTo(ProbeBatch.TIMEOUT));
    }

    @Test
    void aLongListIsSplitIntoBatchesThatFitOneShellArgument() {
        String padding = "x".repeat(10_000);
        List<RemoteCommand> commands = IntStream.range(0, 25).mapToObj(i -> read("echo " + i + " >/dev/null # " + padding)).toList();

        Map<RemoteCommand, ExecResult> answers = ProbeBatch.run(host, commands);

        assertThat(answers).hasSize(25);
        assertThat(host.sent).hasSizeGreaterThan(1)
                .allSatisfy(batch -> assertThat(batch.script().length()).isLessThanOrEqualTo(ProbeBatch.MAX_SCRIPT_CHARS));
    }

    @Test
    void aHostThatCannotRunTheBatchAnswersNothing() {
        Transport broken = new LocalShellHost() {
            @Override
            public ExecResult exec(RemoteCommand command) {
                return new ExecResult(127, "", "sh: not found", java.time.Duration.ZERO);
            }
        };

        assertThat(ProbeBatch.run(broken, List.of(read("echo one")))).isEmpty();
    }

    private static RemoteCommand read(String script) {
        return new RemoteCommand(script, false, RemoteCommand.DEFAULT_TIMEOUT);
    }
}
