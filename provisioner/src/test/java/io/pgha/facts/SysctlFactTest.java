package io.pgha.facts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SysctlFactTest {
    @TempDir
    Path dir;

    @Test
    void nonNamespacedKeyInsideNspawn() throws Exception {
        SysctlFact fact = new SysctlFact("vm.swappiness", "/etc/sysctl.d/90-pgha.conf");
        String out = "@@pgha:value\n60\n@@pgha:virt\nsystemd-nspawn\n@@pgha:writable\nno\n"
                + "@@pgha:f0\nfile\troot\troot\t644\tabc\ncontent dm0uc3dhcHBpbmVzcyA9IDEK\n";

        SysctlState s = fact.parse(LocalShell.result(out));

        assertThat(s.current()).isEqualTo("60");
        assertThat(s.container()).isEqualTo("systemd-nspawn");
        assertThat(s.writable()).isFalse();
        assertThat(new String(s.file().content(), StandardCharsets.UTF_8)).isEqualTo("vm.swappiness = 1\n");
    }

    @Test
    void multiValueKeyOnAVmWithoutFile() throws Exception {
        SysctlFact fact = new SysctlFact("net.ipv4.tcp_rmem", "/etc/sysctl.d/90-pgha.conf");
        String out = "@@pgha:value\n4096\t131072\t6291456\n@@pgha:virt\nnone\n@@pgha:writable\nyes\n@@pgha:f0\nabsent\n";

        SysctlState s = fact.parse(LocalShell.result(out));

        assertThat(s.current()).isEqualTo("4096 131072 6291456");
        assertThat(s.container()).isNull();
        assertThat(s.file().exists()).isFalse();
    }

    @Test
    void readsTheLiveValueAndWritabilityWithTheLocalShell() throws Exception {
        SysctlFact fact = new SysctlFact("kernel.pid_max", dir.resolve("90-pgha.conf").toString());

        SysctlState s = fact.parse(LocalShell.run(fact.command()));

        assertThat(s.current()).isEqualTo(LocalShell.run("cat /proc/sys/kernel/pid_max").stdout().strip());
        assertThat(s.file().exists()).isFalse();
    }

    @Test
    void aKeyTheKernelDoesNotHaveReadsAsNoValueWithTheLocalShell() throws Exception {
        SysctlFact fact = new SysctlFact("net.pgha.no_such_key", dir.resolve("90-pgha.conf").toString());

        SysctlState s = fact.parse(LocalShell.run(fact.command()));

        assertThat(s.current()).isNull();
        assertThat(s.writable()).isFalse();
    }

    @Test
    void unknownKeyHasNoValue() throws Exception {
        SysctlFact fact = new SysctlFact("net.bridge.bridge-nf-call-iptables", "/etc/sysctl.d/90-pgha.conf");
        String out = "@@pgha:value\n@@pgha:virt\n@@pgha:writable\nno\n@@pgha:f0\nabsent\n";

        assertThat(fact.parse(LocalShell.result(out)).current()).isNull();
        assertThat(SysctlFact.procPath("net.ipv4.ip_forward")).isEqualTo("/proc/sys/net/ipv4/ip_forward");
    }
}
