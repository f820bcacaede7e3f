package io.pgha.facts;

import io.pgha.transport.ExecResult;
import org.junit.jupiter.api.Test;

import java.time.Duration;

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
    void systemctlFailureIsAFactError() {
        ExecResult noSystemd = new ExecResult(1, "", "System has not been booted with systemd as init system (PID 1).",
                Duration.ZERO);

        assertThatThrownBy(() -> fact.parse(noSystemd)).isInstanceOf(FactException.class)
                .hasMessageContaining("patroni.service").hasMessageContaining("not been booted with systemd");
    }
}
