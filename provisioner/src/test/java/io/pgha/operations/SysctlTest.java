package io.pgha.operations;

import io.pgha.facts.SysctlFact;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SysctlTest {
    private static final String FILE = Sysctl.DEFAULT_FILE;
    private final Sysctl op = new Sysctl();

    private static ScriptedContext host(String key, String value, String virt, boolean writable, String fileOutput) {
        return new ScriptedContext().onFact(new SysctlFact(key, FILE), "@@pgha:value\n" + value + "\n@@pgha:virt\n"
                + virt + "\n@@pgha:writable\n" + (writable ? "yes" : "no") + "\n" + fileOutput);
    }

    @Test
    void persistedAndLiveValueIsNoChange() throws Exception {
        ScriptedContext ctx = host("vm.swappiness", "1", "none", true,
                Recorded.changedFile(0, "root", "root", "644", "vm.swappiness = 1\n"));

        assertThat(op.plan(ctx, Map.of("name", "vm.swappiness", "value", 1)).changes()).isFalse();
    }

    @Test
    void onAVmTheValueIsPersistedAndApplied() throws Exception {
        ScriptedContext ctx = host("vm.swappiness", "60", "kvm", true,
                Recorded.changedFile(0, "root", "root", "644", "# pgha\nvm.swappiness=60\nvm.overcommit_memory = 2\n"));

        Plan plan = op.plan(ctx, Map.of("name", "vm.swappiness", "value", "1"));

        assertThat(new String(((Action.Upload) plan.actions().get(0)).content(), StandardCharsets.UTF_8))
                .isEqualTo("# pgha\nvm.swappiness = 1\nvm.overcommit_memory = 2\n");
        assertThat(plan.actions().get(1).describe()).isEqualTo("sysctl -q -w vm.swappiness=1");
    }

    @Test
    void inAContainerAnUnsettableKeyIsAWarningNotAFailure() throws Exception {
        ScriptedContext ctx = host("vm.swappiness", "60", "systemd-nspawn", false,
                Recorded.changedFile(0, "root", "root", "644", "vm.swappiness = 1\n"));

        Plan plan = op.plan(ctx, Map.of("name", "vm.swappiness", "value", "1"));

        assertThat(plan.changes()).isFalse();
        assertThat(plan.message()).contains("warning: vm.swappiness cannot be set inside this container "
                + "(systemd-nspawn); it stays 60");
    }

    @Test
    void multiValueKeysCompareOnSingleSpaces() throws Exception {
        ScriptedContext ctx = host("net.ipv4.tcp_rmem", "4096\t131072\t6291456", "none", true, Recorded.absent(0));

        Plan plan = op.plan(ctx, Map.of("name", "net.ipv4.tcp_rmem", "value", "4096  131072 6291456"));

        assertThat(plan.actions()).singleElement().isInstanceOf(Action.Upload.class);
    }

    @Test
    void unknownKeyAndBadArguments() {
        ScriptedContext ctx = host("net.bridge.x", "", "none", false, Recorded.absent(0));
        assertThatThrownBy(() -> op.plan(ctx, Map.of("name", "net.bridge.x", "value", "1")))
                .hasMessageStartingWith("the kernel has no parameter net.bridge.x");
        assertThatThrownBy(() -> op.plan(ctx, Map.of("name", "swappiness", "value", "1")))
                .hasMessageContaining("sysctl: argument 'name' must be a dotted sysctl key");
        assertThatThrownBy(() -> op.plan(ctx, Map.of("name", "vm.swappiness")))
                .hasMessage("sysctl: argument 'value' is required");
    }
}
