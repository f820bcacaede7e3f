package io.pgha.facts;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SysctlFactTest {

    @Test
    void nonNamespacedKeyInsideNspawnNamesTheContainer() throws Exception {
        SysctlState s = new SysctlFact("vm.swappiness")
                .parse(LocalShell.result("@@pgha:values\nvm.swappiness = 60\n@@pgha:writable\nno\n@@pgha:container\nsystemd-nspawn\n"));

        assertThat(s.current()).isEqualTo("60");
        assertThat(s.writable()).isFalse();
        assertThat(s.container()).hasValue("systemd-nspawn");
    }

    @Test
    void aKeyThatCannotBeWrittenOnAVmOrWithoutSystemdHasNoContainer() throws Exception {
        SysctlFact fact = new SysctlFact("vm.swappiness");

        assertThat(fact.parse(LocalShell.result("@@pgha:values\nvm.swappiness = 60\n@@pgha:writable\nno\n@@pgha:container\nnone\n"))
                .container()).isEmpty();
        assertThat(fact.parse(LocalShell.result("@@pgha:values\nvm.swappiness = 60\n@@pgha:writable\nno\n@@pgha:container\n"))
                .container()).isEmpty();
    }

    @Test
    void theContainerIsAskedOnlyWhenAKeyCannotBeWrittenWithTheLocalShell() throws Exception {
        String virt = LocalShell.run("systemd-detect-virt --container 2>/dev/null").stdout().strip();
        List<SysctlFact> facts = Stream.of("kernel.pid_max", "net.pgha.no_such_key").map(SysctlFact::new).toList();
        Fact<List<Object>> merged = facts.get(0).merger().merge(facts);

        String output = LocalShell.run(merged.command()).stdout();
        List<Object> states = merged.parse(LocalShell.run(merged.command()));

        assertThat(output).contains("@@pgha:container"); // the missing key cannot be written
        assertThat(((SysctlState) states.get(1)).container().orElse("none")).isEqualTo(virt.isEmpty() ? "none" : virt);
        SysctlFact alone = new SysctlFact("kernel.pid_max");
        assertThat(LocalShell.run(alone.command()).stdout().contains("@@pgha:container"))
                .isEqualTo(!alone.parse(LocalShell.run(alone.command())).writable());
    }

    @Test
    void multiValueKeyComparesOnSingleSpaces() throws Exception {
        SysctlState s = new SysctlFact("net.ipv4.tcp_rmem")
                .parse(LocalShell.result("@@pgha:values\nnet.ipv4.tcp_rmem = 4096\t131072\t6291456\n@@pgha:writable\nyes\n"));

        assertThat(s.current()).isEqualTo("4096 131072 6291456");
        assertThat(s.writable()).isTrue();
    }

    @Test
    void asksNotTheFile() {
        // The persisted file is a fact of its own, one command for every key: a batch runs it once.
        assertThat(new SysctlFact("vm.swappiness").command()).doesNotContain("sha256sum").doesNotContain("/etc/sysctl.d");
    }

    @Test
    void readsTheLiveValueAndWritabilityWithTheLocalShell() throws Exception {
        SysctlFact fact = new SysctlFact("kernel.pid_max");

        SysctlState s = fact.parse(LocalShell.run(fact.command()));

        assertThat(s.current()).isEqualTo(LocalShell.run("cat /proc/sys/kernel/pid_max").stdout().strip());
        assertThat(s.writable()).isEqualTo(LocalShell.run("[ -w /proc/sys/kernel/pid_max ]").ok());
    }

    @Test
    void aKeyTheKernelDoesNotHaveReadsAsNoValueWithTheLocalShell() throws Exception {
        SysctlFact fact = new SysctlFact("net.pgha.no_such_key");

        SysctlState s = fact.parse(LocalShell.run(fact.command()));

        assertThat(s.current()).isNull();
        assertThat(s.writable()).isFalse();
    }

    @Test
    void unknownKeyHasNoValue() throws Exception {
        SysctlFact fact = new SysctlFact("net.bridge.bridge-nf-call-iptables");

        assertThat(fact.parse(LocalShell.result("@@pgha:values\n@@pgha:writable\nno\n")).current()).isNull();
        assertThat(SysctlFact.procPath("net.ipv4.ip_forward")).isEqualTo("/proc/sys/net/ipv4/ip_forward");
    }

    @Test
    void mergedFactsAskOneSysctlAndEachGetsItsKeysValueWithTheLocalShell() throws Exception {
        List<SysctlFact> facts = Stream.of("kernel.pid_max", "net.pgha.no_such_key", "kernel.threads-max", "kernel/ostype")
                .map(SysctlFact::new).toList();

        Fact<List<Object>> merged = facts.get(0).merger().merge(facts);
        List<Object> values = merged.parse(LocalShell.run(merged.command()));

        assertThat(merged.command().split("sysctl ", -1)).hasSize(2);
        for (int i = 0; i < facts.size(); i++) {
            assertThat(values.get(i)).as(facts.get(i).command()).isEqualTo(facts.get(i).parse(LocalShell.run(facts.get(i).command())));
        }
        assertThat(((SysctlState) values.get(0)).current()).isEqualTo(LocalShell.run("cat /proc/sys/kernel/pid_max").stdout().strip());
        assertThat(((SysctlState) values.get(1)).current()).isNull();
        assertThat(((SysctlState) values.get(3)).current()).isEqualTo("Linux");
    }

    @Test
    void aValueOnSeveralLinesIsOneValue() throws Exception {
        SysctlState s = new SysctlFact("dev.x.info")
                .parse(LocalShell.result("@@pgha:values\ndev.x.info = first\nsecond\n@@pgha:writable\nno\n"));

        assertThat(s.current()).isEqualTo("first second");
    }

    @Test
    void aShellThatPrintedNothingIsAnError() {
        assertThatThrownBy(() -> new SysctlFact("vm.swappiness").parse(LocalShell.result("")))
                .isInstanceOf(FactException.class).hasMessageStartingWith("cannot read sysctl vm.swappiness");
    }
}
