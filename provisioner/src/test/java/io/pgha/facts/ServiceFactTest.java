package io.pgha.facts;

import io.pgha.transport.ExecResult;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceFactTest {
    private final ServiceFact fact = new ServiceFact("patroni.service");

    @Test
    void runningEnabledUnit() throws Exception {
        ServiceState s = fact.parse(LocalShell.result("LoadState=loaded\nActiveState=active\nUnitFileState=enabled\n"));

        assertThat(s.found()).isTrue();
        assertThat(s.running()).isTrue();
        assertThat(s.enabled()).isTrue();
        assertThat(s.masked()).isFalse();
    }

    @Test
    void unknownUnitIsNotFound() throws Exception {
        // systemctl show exits 0 for a unit that does not exist
        ServiceState s = fact.parse(LocalShell.result("LoadState=not-found\nActiveState=inactive\nUnitFileState=\n"));

        assertThat(s.found()).isFalse();
        assertThat(s.running()).isFalse();
        assertThat(s.enableable()).isFalse();
    }

    @Test
    void maskedAndStaticUnits() throws Exception {
        ServiceState masked = fact.parse(LocalShell.result("LoadState=masked\nActiveState=inactive\nUnitFileState=masked\n"));
        ServiceState stat = fact.parse(LocalShell.result("LoadState=loaded\nActiveState=active\nUnitFileState=static\n"));

        assertThat(masked.masked()).isTrue();
        assertThat(stat.enableable()).isFalse();
        assertThat(fact.parse(LocalShell.result("LoadState=loaded\nActiveState=activating\nUnitFileState=enabled-runtime\n")))
                .satisfies(s -> assertThat(s.running()).isTrue())
                .satisfies(s -> assertThat(s.enabled()).isTrue());
    }

    @Test
    void mergedFactsAskOneSystemctlShowAndEachGetsItsUnitsBlock() throws Exception {
        // Recorded on Debian 13 (systemd 257): a block per unit, in order, an empty line between blocks.
        List<ServiceFact> facts = List.of(new ServiceFact("etcd.service"), new ServiceFact("nosuch.service"),
                new ServiceFact("chrony.service"));
        String recorded = "ExecMainStartTimestamp=@1795996544\nLimitNOFILE=65536\nLoadState=loaded\nActiveState=active\n"
                + "UnitFileState=enabled\n\n"
                + "ExecMainStartTimestamp=\nLimitNOFILE=20000\nLoadState=not-found\nActiveState=inactive\nUnitFileState=\n\n"
                + "ExecMainStartTimestamp=\nLimitNOFILE=524288\nLoadState=loaded\nActiveState=inactive\n"
                + "UnitFileState=enabled\n";

        Fact<List<Object>> merged = facts.get(0).merger().merge(facts);
        List<Object> values = merged.parse(LocalShell.result(recorded));

        assertThat(merged.command()).endsWith(" -- etcd.service nosuch.service chrony.service");
        assertThat(values).containsExactly(
                new ServiceState("loaded", "active", "enabled", OptionalLong.of(1795996544L), "65536"),
                new ServiceState("not-found", "inactive", "", OptionalLong.empty(), "20000"),
                new ServiceState("loaded", "inactive", "enabled", OptionalLong.empty(), "524288"));
    }

    @Test
    void aStartTimeThatIsNotUnixSecondsIsAFactError() {
        // a formatted date instead of @SECONDS cannot be compared with the times of files
        assertThatThrownBy(() -> fact.parse(LocalShell.result("LoadState=loaded\nActiveState=active\n"
                + "ExecMainStartTimestamp=Sun 2026-11-29 23:58:34 UTC\n")))
                .isInstanceOf(FactException.class).hasMessageContaining("systemd 248");
    }

    @Test
    void aMergedAnswerWithoutABlockPerUnitIsAFactError() {
        List<ServiceFact> facts = List.of(new ServiceFact("a.service"), new ServiceFact("b.service"));
        Fact<List<Object>> merged = facts.get(0).merger().merge(facts);

        assertThatThrownBy(() -> merged.parse(LocalShell.result("LoadState=loaded\nActiveState=active\n")))
                .isInstanceOf(FactException.class).hasMessageContaining("a.service, b.service");
    }

    @Test
    void systemctlFailureIsAFactError() {
        ExecResult noSystemd = new ExecResult(1, "", "System has not been booted with systemd as init system (PID 1).",
                Duration.ZERO);

        assertThatThrownBy(() -> fact.parse(noSystemd)).isInstanceOf(FactException.class)
                .hasMessageContaining("patroni.service").hasMessageContaining("not been booted with systemd");
    }
}
