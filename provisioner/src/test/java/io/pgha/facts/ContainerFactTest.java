package io.pgha.facts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContainerFactTest {
    private final ContainerFact fact = new ContainerFact();

    @Test
    void namesTheContainer() {
        assertThat(fact.parse(LocalShell.result("systemd-nspawn\n"))).hasValue("systemd-nspawn");
    }

    @Test
    void aVmOrAHostWithoutSystemdIsNoContainer() {
        assertThat(fact.parse(LocalShell.result("none\n"))).isEmpty();
        assertThat(fact.parse(LocalShell.result(""))).isEmpty();
    }

    @Test
    void agreesWithSystemdDetectVirtWithTheLocalShell() {
        String virt = LocalShell.run("systemd-detect-virt --container 2>/dev/null").stdout().strip();

        assertThat(fact.parse(LocalShell.run(fact.command())).orElse("none")).isEqualTo(virt.isEmpty() ? "none" : virt);
    }
}
