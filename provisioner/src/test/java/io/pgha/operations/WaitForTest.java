package io.pgha.operations;

import io.pgha.facts.HttpFact;
import io.pgha.facts.LocalShell;
import io.pgha.transport.ExecResult;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WaitForTest {
    private static final String HEALTH = "http://127.0.0.1:8008/health";
    private static final String CURL = new HttpFact(HEALTH).command();
    private static final String PORT = "timeout 5 bash -c 'exec 3</dev/tcp/127.0.0.1/5432'";

    /** A clock that only moves when the operation sleeps, so tests take no time. */
    static final class FakePacer implements Pacer {
        long now;
        int sleeps;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleep(Duration duration) {
            sleeps++;
            now += duration.toNanos();
        }
    }

    private final FakePacer pacer = new FakePacer();
    private final WaitFor waitFor = new WaitFor(pacer);

    @Test
    void readyAtOnceIsNoChange() throws Exception {
        Plan plan = waitFor.plan(new ScriptedContext().on(PORT, 0, ""), Map.of("port", 5432));

        assertThat(plan.changes()).isFalse();
        assertThat(plan.message()).isEqualTo("waited 0.0 s for port 5432 on 127.0.0.1 to accept connections");
        assertThat(pacer.sleeps).isZero();
    }

    @Test
    void planningAheadAsksOnceAndNeverWaits() throws Exception {
        ScriptedContext ctx = new ScriptedContext().planningAhead(true).on(CURL, 0, answered(503, ""));

        Plan plan = waitFor.plan(ctx, Map.of("http", HEALTH));

        assertThat(plan.changes()).isFalse();
        assertThat(ctx.asked()).hasSize(1);
        assertThat(pacer.sleeps).isZero();
    }

    @Test
    void pollsUntilTheUrlAnswersTheExpectedStatus() throws Exception {
        ScriptedContext ctx = new ScriptedContext().on(CURL, 7, refused()).on(CURL, 0, answered(503, ""))
                .on(CURL, 0, answered(200, "{}"));

        Plan plan = waitFor.plan(ctx, Map.of("http", HEALTH, "interval", 2));

        assertThat(plan.message()).isEqualTo("waited 4.0 s for http://127.0.0.1:8008/health to answer HTTP 200");
        assertThat(ctx.asked()).hasSize(3);
    }

    /** What curl prints for a URL that answered (the body, then pgha's status line). */
    private static String answered(int status, String body) {
        return body + "\n@@pgha:http " + status + " 0 \n";
    }

    private static String refused() {
        return "\n@@pgha:http 000 7 Failed to connect to 127.0.0.1 port 8008 after 0 ms: Couldn't connect to server\n";
    }

    @Test
    void everyUrlMustAnswerAndTheTimeoutNamesTheOneThatDidNot() {
        String other = "http://127.0.0.1:8009/health";
        ScriptedContext ctx = new ScriptedContext().on(CURL, 0, answered(200, "{}"))
                .on(new HttpFact(other).command(), 7, refused().replace("8008", "8009"));

        assertThatThrownBy(() -> waitFor.plan(ctx, Map.of("http", HEALTH + " " + other, "timeout", 2)))
                .hasMessage("timed out after 2.0 s waiting for each of " + HEALTH + ", " + other + " to answer HTTP 200; "
                        + "last result: " + other + ": no HTTP answer (Failed to connect to 127.0.0.1 port 8009 after 0 ms: "
                        + "Couldn't connect to server)");
    }

    @Test
    void untilTestsTheJsonAnswerAndWaitsWhileItIsFalseOrNotJson() throws Exception {
        String cluster = "http://127.0.0.1:8008/cluster";
        String command = new HttpFact(cluster).command();
        ScriptedContext ctx = new ScriptedContext().on(command, 0, answered(200, "starting"))
                .on(command, 0, answered(200, "{\"members\":[{\"role\":\"replica\"}]}"))
                .on(command, 0, answered(200, "{\"members\":[{\"role\":\"leader\"}]}"));
        String until = "json.members | selectattr('role', 'equalto', 'leader') | list | length == 1";

        Plan plan = waitFor.plan(ctx, Map.of("http", cluster, "until", until));

        assertThat(plan.message()).isEqualTo("waited 2.0 s for " + cluster + " to answer HTTP 200 where " + until);
        assertThat(ctx.asked()).hasSize(3);
        ScriptedContext never = new ScriptedContext().on(command, 0, answered(200, "{\"members\":[]}"));
        assertThatThrownBy(() -> waitFor.plan(never, Map.of("http", cluster, "until", until, "timeout", 1)))
                .hasMessageEndingWith("last result: HTTP 200 {\"members\":[]}");
        assertThatThrownBy(() -> waitFor.plan(never, Map.of("http", cluster, "until", "json.members |")))
                .isInstanceOf(OperationException.class).hasMessageContaining("json.members |");
    }

    @Test
    void timeoutSaysWhatForHowLongWhatWasSeenAndTheServiceJournal() {
        String journal = "journalctl -u patroni.service -n 20 --no-pager";
        ScriptedContext ctx = new ScriptedContext().on(CURL, 0, answered(503, "not yet"))
                .on(journal, 0, "Nov 29 patroni[812]: waiting for leader to bootstrap\n");

        assertThatThrownBy(() -> waitFor.plan(ctx, Map.of("http", HEALTH, "timeout", 10,
                "service", "patroni")))
                .hasMessage("timed out after 10.0 s waiting for http://127.0.0.1:8008/health to answer HTTP 200; "
                        + "last result: HTTP 503\nlast 20 journal lines of patroni.service:\n"
                        + "Nov 29 patroni[812]: waiting for leader to bootstrap");
        assertThat(pacer.sleeps).isEqualTo(10);
    }

    @Test
    void commandConditionReportsTheLastError() {
        String cmd = "etcdctl endpoint health";
        ScriptedContext ctx = new ScriptedContext().on("timeout 3 sh -c 'etcdctl endpoint health'", 1, "");

        assertThatThrownBy(() -> waitFor.plan(ctx, Map.of("command", cmd, "timeout", 3)))
                .hasMessage("timed out after 3.0 s waiting for command 'etcdctl endpoint health' to succeed; "
                        + "last result: exit code 1: failed");
        ScriptedContext hanging = new ScriptedContext().on("timeout 3 sh -c 'etcdctl endpoint health'", 124, "");
        assertThatThrownBy(() -> waitFor.plan(hanging, Map.of("command", cmd, "timeout", 3)))
                .hasMessageEndingWith("last result: the command did not finish within 3 s");
    }

    @Test
    void checkModeDoesNotWait() throws Exception {
        ScriptedContext ctx = new ScriptedContext().checkMode(true);

        Plan plan = waitFor.plan(ctx, Map.of("port", 2379, "host", "10.0.0.11"));

        assertThat(plan.message()).startsWith("skipped in check mode");
        assertThat(ctx.asked()).isEmpty();
    }

    @Test
    void portProbeReallyConnects() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            WaitCondition.Probed open = new WaitCondition.Port("127.0.0.1", server.getLocalPort());
            assertThat(open.satisfied(LocalShell.run(open.probe()))).isTrue();
        }
        WaitCondition.Probed closed = new WaitCondition.Port("127.0.0.1", 1);
        ExecResult refused = LocalShell.run(closed.probe());
        assertThat(closed.satisfied(refused)).isFalse();
        assertThat(closed.observed(refused)).contains("Connection refused");
    }

    @Test
    void commandProbeRunsThroughTheShellAndIsCutOff() {
        WaitCondition.Probed ok = new WaitCondition.Succeeds("test 1 -eq 1 && echo fine", 5);
        assertThat(ok.satisfied(LocalShell.run(ok.probe()))).isTrue();
        WaitCondition.Probed hangs = new WaitCondition.Succeeds("sleep 30", 1);
        ExecResult cut = LocalShell.run(hangs.probe());
        assertThat(hangs.observed(cut)).isEqualTo("the command did not finish within 1 s");
    }

    @Test
    void badArguments() {
        ScriptedContext ctx = new ScriptedContext();
        assertThatThrownBy(() -> waitFor.plan(ctx, Map.of()))
                .hasMessage("wait_for: one of the arguments port, http, command is required");
        assertThatThrownBy(() -> waitFor.plan(ctx, Map.of("port", 70000)))
                .hasMessage("wait_for: argument 'port' must be a TCP port between 1 and 65535 (got 70000)");
        assertThatThrownBy(() -> waitFor.plan(ctx, Map.of("http", "127.0.0.1:8008")))
                .hasMessageContaining("argument 'http' must be an http:// or https:// URL");
        assertThatThrownBy(() -> waitFor.plan(ctx, Map.of("port", 1, "until", "json.ok")))
                .hasMessageContaining("argument 'until' applies to an http wait only");
        assertThatThrownBy(() -> waitFor.plan(ctx, Map.of("port", 1, "timeout", 0)))
                .hasMessage("wait_for: argument 'timeout' must be at least 1 (got 0)");
        assertThatThrownBy(() -> waitFor.plan(ctx, Map.of("port", 1, "host", "a b")))
                .hasMessageContaining("argument 'host' must be a host name or IP address");
    }
}
