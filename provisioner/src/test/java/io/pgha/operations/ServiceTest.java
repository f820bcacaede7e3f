package io.pgha.operations;

import io.pgha.facts.FileQuery;
import io.pgha.facts.FilesFact;
import io.pgha.facts.InitOpenFilesFact;
import io.pgha.facts.ServiceFact;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceTest {
    private final Service service = new Service();

    private static ScriptedContext unit(String name, String load, String active, String file) {
        return new ScriptedContext().onFact(new ServiceFact(name),
                "LoadState=" + load + "\nActiveState=" + active + "\nUnitFileState=" + file + "\n");
    }

    @Test
    void runningEnabledServiceIsNoChange() throws Exception {
        Plan plan = service.plan(unit("patroni.service", "loaded", "active", "enabled"),
                Map.of("name", "patroni", "state", "started", "enabled", true));

        assertThat(plan.changes()).isFalse();
        assertThat(plan.message()).isEqualTo("patroni.service is already active and enabled");
    }

    @Test
    void stoppedDisabledServiceIsEnabledAndStartedInOneCommand() throws Exception {
        Plan plan = service.plan(unit("etcd.service", "loaded", "inactive", "disabled"),
                Map.of("name", "etcd.service", "state", "started", "enabled", "yes"));

        assertThat(plan.actions()).singleElement().extracting(Action::describe)
                .isEqualTo("systemctl enable etcd.service && systemctl start etcd.service");
        assertThat(plan.message()).isEqualTo("enable, start etcd.service");
    }

    @Test
    void packageStartedDefaultClusterIsStoppedAndDisabled() throws Exception {
        Plan plan = service.plan(unit("postgresql.service", "loaded", "active", "enabled"),
                Map.of("name", "postgresql", "state", "stopped", "enabled", false));

        assertThat(plan.actions()).singleElement().extracting(Action::describe)
                .isEqualTo("systemctl disable postgresql.service && systemctl stop postgresql.service");
    }

    @Test
    void restartedAndReloadedAlwaysAct() throws Exception {
        assertThat(service.plan(unit("haproxy.service", "loaded", "active", "enabled"),
                Map.of("name", "haproxy", "state", "restarted")).actions())
                .singleElement().extracting(Action::describe).isEqualTo("systemctl restart haproxy.service");
        assertThat(service.plan(unit("haproxy.service", "loaded", "active", "enabled"),
                Map.of("name", "haproxy", "state", "reloaded")).actions())
                .singleElement().extracting(Action::describe).isEqualTo("systemctl reload haproxy.service");
        assertThat(service.plan(unit("haproxy.service", "loaded", "inactive", "enabled"),
                Map.of("name", "haproxy", "state", "reloaded")).actions())
                .singleElement().extracting(Action::describe).isEqualTo("systemctl start haproxy.service");
    }

    @Test
    void masking() throws Exception {
        assertThat(service.plan(unit("postgresql@17-main.service", "loaded", "inactive", "disabled"),
                Map.of("name", "postgresql@17-main", "masked", true)).actions())
                .singleElement().extracting(Action::describe).isEqualTo("systemctl mask postgresql@17-main.service");
        assertThat(service.plan(unit("postgresql@17-main.service", "masked", "inactive", "masked"),
                Map.of("name", "postgresql@17-main", "masked", true, "enabled", false)).changes()).isFalse();
    }

    @Test
    void staticUnitsCannotBeEnabledSoThatIsNoChange() throws Exception {
        assertThat(service.plan(unit("systemd-journald.service", "loaded", "active", "static"),
                Map.of("name", "systemd-journald", "enabled", true)).changes()).isFalse();
    }

    @Test
    void missingUnitFailsButNotInCheckModeAndNotWhenItShouldBeStopped() throws Exception {
        assertThatThrownBy(() -> service.plan(unit("patroni.service", "not-found", "inactive", ""),
                Map.of("name", "patroni", "state", "started")))
                .hasMessageStartingWith("unit patroni.service not found (LoadState=not-found)");
        assertThat(service.plan(unit("patroni.service", "not-found", "inactive", "").checkMode(true),
                Map.of("name", "patroni", "state", "started", "enabled", true)).actions())
                .singleElement().extracting(Action::describe)
                .isEqualTo("systemctl enable patroni.service && systemctl start patroni.service");
        assertThat(service.plan(unit("exim4.service", "not-found", "inactive", ""),
                Map.of("name", "exim4", "state", "stopped")).changes()).isFalse();
    }

    @Test
    void badArguments() {
        ScriptedContext ctx = new ScriptedContext();
        assertThatThrownBy(() -> service.plan(ctx, Map.of("name", "patroni")))
                .hasMessage("service: give at least one of the arguments state, enabled, masked, open_files");
        assertThatThrownBy(() -> service.plan(ctx, Map.of("name", "patroni", "state", "running")))
                .hasMessage("service: argument 'state' must be one of started, stopped, restarted, reloaded (got 'running')");
        assertThatThrownBy(() -> service.plan(ctx, Map.of("name", "patroni", "enabled", "sometimes")))
                .hasMessage("service: argument 'enabled' must be true or false (got 'sometimes')");
        assertThatThrownBy(() -> service.plan(ctx, Map.of("name", "patroni", "masked", true, "state", "started")))
                .hasMessageContaining("argument 'masked' cannot be true while the unit should be enabled or running");
        assertThatThrownBy(() -> service.plan(ctx, Map.of("name", "etcd", "state", "started",
                "if_started_before", List.of("/etc/etcd/pgha.env"))))
                .hasMessage("service: argument 'if_started_before' goes with state: restarted");
        assertThatThrownBy(() -> service.plan(ctx, Map.of("name", "etcd", "state", "reloaded", "restart_command", "true")))
                .hasMessage("service: argument 'restart_command' goes with state: restarted");
        assertThatThrownBy(() -> service.plan(ctx, Map.of("name", "etcd", "state", "restarted",
                "if_started_before", "etcd.env")))
                .hasMessage("service: argument 'if_started_before' must list absolute paths (got 'etcd.env')");
        assertThatThrownBy(() -> service.plan(ctx, Map.of("name", "haproxy", "open_files", 0)))
                .hasMessage("service: argument 'open_files' must be at least 1 (got 0)");
    }

    // systemctl show of a unit whose main process started at STARTED (seconds since the epoch)
    private static String running(String active, long started, String limit) {
        return "ExecMainStartTimestamp=@" + started + "\nLimitNOFILE=" + limit + "\nLoadState=loaded\nActiveState="
                + active + "\nUnitFileState=enabled\n";
    }

    private static final String ENV = "/etc/etcd/pgha.env";
    private static final String DROPIN = "/etc/systemd/system/etcd.service.d/pgha.conf";
    private static final FilesFact ETCD_FILES = new FilesFact(List.of(FileQuery.compareWith(ENV, null),
            FileQuery.compareWith(DROPIN, null)));
    private static final Map<String, Object> ROLLING = Map.of("name", "etcd", "state", "restarted",
            "if_started_before", List.of(ENV, DROPIN), "restart_command", "/usr/local/lib/pgha/rolling-restart etcd");

    private static ScriptedContext etcd(String active, long started, long envChanged) {
        return new ScriptedContext().onFact(new ServiceFact("etcd.service"), running(active, started, "65536"))
                .onFact(ETCD_FILES, Recorded.files(Recorded.file("root", "root", "644", "env", envChanged),
                        Recorded.absent()));
    }

    @Test
    void aRestartIfStartedBeforeFilesIsMadeOnlyWhileTheUnitRunsWithOlderFiles() throws Exception {
        Plan current = service.plan(etcd("active", 1_700_000_100L, 1_700_000_100L), ROLLING);
        Plan stale = service.plan(etcd("active", 1_700_000_100L, 1_700_000_101L), ROLLING);

        assertThat(current.changes()).isFalse();
        assertThat(current.message()).isEqualTo("etcd.service is active and enabled and started after " + ENV + ", "
                + DROPIN + " last changed");
        assertThat(stale.message()).isEqualTo("restart etcd.service (it started before " + ENV + " changed)");
        assertThat(stale.actions()).singleElement().extracting(Action::describe)
                .isEqualTo("/usr/local/lib/pgha/rolling-restart etcd");
    }

    @Test
    void inCheckModeAFileAnEarlierTaskWouldWriteCountsAsChanged() throws Exception {
        // Nothing was written in --check, so the file's time on the host is still older than the unit's start.
        Plan plan = service.plan(etcd("active", 1_700_000_100L, 1_700_000_000L).checkMode(true).writtenEarlierInCheck(ENV),
                ROLLING);

        assertThat(plan.message()).isEqualTo("restart etcd.service (" + ENV + " would change)");
        assertThat(service.plan(etcd("active", 1_700_000_100L, 1_700_000_000L).checkMode(true), ROLLING).changes())
                .isFalse();
    }

    @Test
    void aUnitThatIsNotActiveIsRestartedWhateverItsFiles() throws Exception {
        Plan failed = service.plan(etcd("failed", 1_700_000_100L, 1_600_000_000L),
                Map.of("name", "etcd", "state", "restarted", "if_started_before", List.of(ENV, DROPIN)));

        assertThat(failed.message()).isEqualTo("restart etcd.service (it is failed)");
        assertThat(failed.actions()).singleElement().extracting(Action::describe).isEqualTo("systemctl restart etcd.service");
    }

    private static ScriptedContext limits(String unitLimit, String initHardLimit) {
        return new ScriptedContext().onFact(new ServiceFact("haproxy.service"), running("active", 1L, unitLimit))
                .onFact(new InitOpenFilesFact(), initHardLimit + "\n");
    }

    @Test
    void openFilesWithinTheUnitsAndPid1sLimitsIsNoChange() throws Exception {
        Plan plan = service.plan(limits("524288", "20000"), Map.of("name", "haproxy", "open_files", 8392));

        assertThat(plan.changes()).isFalse();
        assertThat(plan.message()).isEqualTo("haproxy.service may open 8392 files");
        assertThat(service.plan(limits("infinity", "unlimited"), Map.of("name", "haproxy", "open_files", 8392))
                .changes()).isFalse();
    }

    @Test
    void openFilesAboveTheUnitsOrPid1sLimitFailsNamingWhichLimit() {
        assertThatThrownBy(() -> service.plan(limits("1024", "524288"), Map.of("name", "haproxy", "open_files", 8392)))
                .hasMessage("haproxy.service needs 8392 open files, but this host allows it 1024 (its LimitNOFILE): "
                        + "ask for fewer, or raise the limit");
        assertThatThrownBy(() -> service.plan(limits("524288", "4096"),
                Map.of("name", "haproxy", "state", "started", "open_files", 8392)))
                .hasMessageContaining("allows it 4096 (PID 1's hard limit, which caps every service's LimitNOFILE)");
    }
}
