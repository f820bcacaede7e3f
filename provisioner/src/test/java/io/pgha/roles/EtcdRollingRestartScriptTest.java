package io.pgha.roles;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped {@code pgha-etcd-rolling-restart}, run by this machine's {@code sh} with stand-ins for
 * {@code etcdctl} and {@code systemctl} that behave as the real ones did on the lab: the member a waiting lock
 * goes through restarts (etcdctl exits "error reading from server: EOF" before taking the lock), the lock is not
 * released after the restart, the restart fails. The lab stages run it against real etcd members.
 */
class EtcdRollingRestartScriptTest {
    private static final Path SCRIPT = Path.of("..", "roles", "etcd", "files", "pgha-etcd-rolling-restart")
            .toAbsolutePath().normalize();
    private static final String ENDPOINTS = "http://10.0.0.1:2379,http://10.0.0.2:2379,http://10.0.0.3:2379";
    private static final String OWN = "http://10.0.0.1:2379";

    /** etcdctl: "lock" counts its calls, fails the first $LOST_LOCKS without running the command, else runs it. */
    private static final String ETCDCTL = """
            #!/bin/sh
            case " $* " in
            *" lock "*)
                n=$(($(cat "$FAKE/locks.count" 2>/dev/null || echo 0) + 1)); echo "$n" >"$FAKE/locks.count"
                echo "$*" >>"$FAKE/lock-args"
                if [ "$n" -le "${LOST_LOCKS:-0}" ]; then
                    echo 'Error: rpc error: code = Unavailable desc = error reading from server: EOF' >&2; exit 1
                fi
                while [ "$1" != "--" ]; do shift; done; shift
                "$@"; rc=$?
                [ -z "${UNLOCK_FAILS:-}" ] || exit 1
                exit "$rc" ;;
            *" endpoint health "*) [ -z "${UNHEALTHY:-}" ] ;;
            *) exit 2 ;;
            esac
            """;
    private static final String SYSTEMCTL = """
            #!/bin/sh
            echo "$*" >>"$FAKE/systemctl.log"
            [ -z "${RESTART_FAILS:-}" ]
            """;

    @TempDir
    Path fake;

    @BeforeEach
    void standIns() throws IOException {
        for (Map.Entry<String, String> tool : Map.of("etcdctl", ETCDCTL, "systemctl", SYSTEMCTL).entrySet()) {
            Path file = fake.resolve(tool.getKey());
            Files.writeString(file, tool.getValue());
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private record Run(int exitCode, String output) {
    }

    private Run run(int timeoutSeconds, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("sh", SCRIPT.toString(), ENDPOINTS, String.valueOf(timeoutSeconds), OWN)
                .redirectErrorStream(true);
        pb.environment().put("PATH", fake + ":" + System.getenv("PATH"));
        pb.environment().put("FAKE", fake.toString());
        pb.environment().putAll(env);
        Process process = pb.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    private List<String> restarts() throws IOException {
        Path log = fake.resolve("systemctl.log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    @Test
    void restartsOnceUnderALockTakenThroughTheOtherMembers() throws Exception {
        Run run = run(30, Map.of());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("all members healthy");
        assertThat(restarts()).containsExactly("restart etcd");
        assertThat(Files.readString(fake.resolve("lock-args")))
                .startsWith("--endpoints=http://10.0.0.2:2379,http://10.0.0.3:2379 --dial-timeout=3s lock ");
    }

    @Test
    void aLockLostBeforeItWasTakenIsTakenAgainAndTheMemberRestartsOnce() throws Exception {
        Run run = run(30, Map.of("LOST_LOCKS", "2"));

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("attempt 1 got no lock (etcdctl exit 1), trying again")
                .contains("attempt 2 got no lock").contains("all members healthy");
        assertThat(restarts()).containsExactly("restart etcd");
    }

    @Test
    void aRestartThatRanIsNotRepeatedWhenTheLockIsNotReleased() throws Exception {
        Run run = run(30, Map.of("UNLOCK_FAILS", "yes"));

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("the lock was not released");
        assertThat(restarts()).containsExactly("restart etcd");
    }

    /** Each way the script fails: exit 1, the message that names what failed, and the restarts it made (none or one). */
    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("a failed restart fails without another try", 30, Map.of("RESTART_FAILS", "yes"),
                        "the restart under the lock failed", List.of("restart etcd")),
                Arguments.of("no lock within the timeout names the members it went through", 2, Map.of("LOST_LOCKS", "1000"),
                        "no lock through http://10.0.0.2:2379,http://10.0.0.3:2379 within 2 s", List.of()),
                Arguments.of("a cluster not healthy in time is named after the restart", 2, Map.of("UNHEALTHY", "yes"),
                        "etcd restarted, but not every member was healthy within 2 s", List.of("restart etcd")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void failsNamingWhatFailed(String what, int timeoutSeconds, Map<String, String> env, String message,
                               List<String> restarts) throws Exception {
        Run run = run(timeoutSeconds, env);

        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains(message);
        assertThat(restarts()).containsExactlyElementsOf(restarts);
    }
}
