package io.pgha.operations;

import io.pgha.facts.ServiceFact;
import org.junit.jupiter.api.Test;

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
                .hasMessage("service: give at least one of the arguments state, enabled, masked");
        assertThatThrownBy(() -> service.plan(ctx, Map.of("name", "patroni", "state", "running")))
                .hasMessage("service: argument 'state' must be one of started, stopped, restarted, reloaded (got 'running')");
        assertThatThrownBy(() -> service.plan(ctx, Map.of("name", "patroni", "enabled", "sometimes")))
                .hasMessage("service: argument 'enabled' must be true or false (got 'sometimes')");
        assertThatThrownBy(() -> service.plan(ctx, Map.of("name", "patroni", "masked", true, "state", "started")))
                .hasMessageContaining("argument 'masked' cannot be true while the unit should be enabled or running");
    }
}
