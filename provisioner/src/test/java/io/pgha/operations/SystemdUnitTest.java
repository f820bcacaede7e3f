package io.pgha.operations;

import io.pgha.facts.FileQuery;
import io.pgha.facts.FilesFact;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SystemdUnitTest {
    private static final String UNIT = "[Unit]\nDescription=Patroni\n[Service]\nExecStart=/usr/bin/patroni /etc/patroni/config.yml\n";
    private final SystemdUnit op = new SystemdUnit();

    @Test
    void unchangedUnitNeedsNoDaemonReload() throws Exception {
        ScriptedContext ctx = new ScriptedContext().onFact(new FilesFact(FileQuery.compareWith(
                "/etc/systemd/system/patroni.service", Recorded.sha(UNIT))), Recorded.file("root", "root", "644", UNIT));

        assertThat(op.plan(ctx, Map.of("name", "patroni", "content", UNIT)).changes()).isFalse();
    }

    @Test
    void changedUnitIsWrittenThenSystemdReloaded() throws Exception {
        ScriptedContext ctx = new ScriptedContext().template("patroni.service.j2", UNIT)
                .onFact(new FilesFact(FileQuery.compareWith("/etc/systemd/system/patroni.service", Recorded.sha(UNIT))),
                        Recorded.absent());

        Plan plan = op.plan(ctx, Map.of("name", "patroni.service", "src", "patroni.service.j2"));

        assertThat(plan.actions()).extracting(Action::describe).containsExactly(
                "write /etc/systemd/system/patroni.service (" + UNIT.length() + " bytes, mode 0644)",
                "systemctl daemon-reload");
        assertThat(plan.message()).isEqualTo("create /etc/systemd/system/patroni.service and reload systemd");
        assertThat(plan.diff()).contains("+ExecStart=/usr/bin/patroni");
    }

    @Test
    void dropinGoesToTheUnitsDirectoryWhichIsCreatedIfMissing() throws Exception {
        String conf = "[Service]\nLimitNOFILE=20000\n";
        ScriptedContext ctx = new ScriptedContext().onFact(new FilesFact(FileQuery.compareWith(
                "/etc/systemd/system/haproxy.service.d/limits.conf", Recorded.sha(conf))), Recorded.absentWithoutParent());

        Plan plan = op.plan(ctx, Map.of("name", "haproxy", "dropin", "limits", "content", conf));

        assertThat(plan.actions()).extracting(Action::describe).containsExactly(
                "mkdir -p -- /etc/systemd/system/haproxy.service.d",
                "write /etc/systemd/system/haproxy.service.d/limits.conf (" + conf.length() + " bytes, mode 0644)",
                "systemctl daemon-reload");
    }

    @Test
    void badArguments() {
        ScriptedContext ctx = new ScriptedContext();
        assertThatThrownBy(() -> op.plan(ctx, Map.of("name", "../evil", "content", "x")))
                .hasMessageContaining("systemd_unit: argument 'name' must be a systemd unit name");
        assertThatThrownBy(() -> op.plan(ctx, Map.of("name", "x", "dropin", "a/b", "content", "x")))
                .hasMessageContaining("argument 'dropin' must be a plain file name");
        assertThatThrownBy(() -> op.plan(ctx, Map.of("name", "x")))
                .hasMessage("systemd_unit: one of the arguments content, src is required");
    }
}
