package io.pgha.operations;

import io.pgha.facts.FileQuery;
import io.pgha.facts.FilesFact;
import io.pgha.facts.SysctlFact;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SysctlTest {
    private static final String FILE = Sysctl.DEFAULT_FILE;
    private static final FilesFact FILE_FACT = new FilesFact(FileQuery.fetch(FILE));
    private final Sysctl op = new Sysctl();

    /** A host with the key's live value and the persisted file, outside a container. */
    private static ScriptedContext host(String key, String value, boolean writable, String fileOutput) {
        return host(key, value, writable, writable ? null : "none", fileOutput);
    }

    /** {@code container}: what systemd-detect-virt --container printed, null when the fact did not ask it. */
    private static ScriptedContext host(String key, String value, boolean writable, String container, String fileOutput) {
        return new ScriptedContext()
                .onFact(new SysctlFact(key), "@@pgha:values\n" + key + " = " + value + "\n@@pgha:writable\n" + (writable ? "yes" : "no")
                        + "\n" + (container == null ? "" : "@@pgha:container\n" + container + "\n"))
                .onFact(FILE_FACT, fileOutput);
    }

    @Test
    void persistedAndLiveValueIsNoChangeInOneRound() throws Exception {
        ScriptedContext ctx = host("vm.swappiness", "1", false,
                Recorded.changedFile("root", "root", "644", "vm.swappiness = 1\n"));

        assertThat(op.plan(ctx, Map.of("name", "vm.swappiness", "value", 1)).changes()).isFalse();
        assertThat(ctx.asked()).containsExactly(new SysctlFact("vm.swappiness").command(), FILE_FACT.command());
    }

    @Test
    void everyKeyOfOneFileAsksTheSameFileCommand() throws Exception {
        String both = "vm.swappiness = 1\nvm.overcommit_memory = 2\n";
        ScriptedContext ctx = host("vm.swappiness", "1", true, Recorded.changedFile("root", "root", "644", both))
                .onFact(new SysctlFact("vm.overcommit_memory"), "@@pgha:values\nvm.overcommit_memory = 2\n@@pgha:writable\nyes\n");

        assertThat(op.plan(ctx, Map.of("name", "vm.swappiness", "value", 1)).changes()).isFalse();
        assertThat(op.plan(ctx, Map.of("name", "vm.overcommit_memory", "value", 2)).changes()).isFalse();
        assertThat(ctx.asked()).filteredOn(FILE_FACT.command()::equals).hasSize(2);
        assertThat(ctx.asked()).hasSize(4);
    }

    @Test
    void onAVmTheValueIsPersistedAndApplied() throws Exception {
        ScriptedContext ctx = host("vm.swappiness", "60", true,
                Recorded.changedFile("root", "root", "644", "# pgha\nvm.swappiness=60\nvm.overcommit_memory = 2\n"));

        Plan plan = op.plan(ctx, Map.of("name", "vm.swappiness", "value", "1"));

        assertThat(new String(((Action.Upload) plan.actions().get(0)).content(), StandardCharsets.UTF_8))
                .isEqualTo("# pgha\nvm.swappiness = 1\nvm.overcommit_memory = 2\n");
        assertThat(plan.actions().get(1).describe()).isEqualTo("sysctl -q -w vm.swappiness=1");
    }

    @Test
    void inAContainerAnUnsettableKeyIsAWarningNotAFailure() throws Exception {
        ScriptedContext ctx = host("vm.swappiness", "60", false, "systemd-nspawn",
                Recorded.changedFile("root", "root", "644", "vm.swappiness = 1\n"));

        Plan plan = op.plan(ctx, Map.of("name", "vm.swappiness", "value", "1"));

        assertThat(plan.changes()).isFalse();
        assertThat(plan.message()).isEqualTo("vm.swappiness is persisted; warning: vm.swappiness cannot be set inside "
                + "this container (systemd-nspawn); it stays 60 as the host decides");
    }

    @Test
    void aKeyThatCannotBeWrittenOutsideAContainerIsStillSet() throws Exception {
        // Not writable but no container: not the host's decision, so pgha tries (and sysctl -w reports why not).
        ScriptedContext ctx = host("vm.swappiness", "60", false, "none", Recorded.absent());

        Plan plan = op.plan(ctx, Map.of("name", "vm.swappiness", "value", "1"));

        assertThat(plan.actions()).extracting(Action::describe).contains("sysctl -q -w vm.swappiness=1");
        assertThat(plan.message()).doesNotContain("warning");
    }

    @Test
    void multiValueKeysCompareOnSingleSpaces() throws Exception {
        ScriptedContext ctx = host("net.ipv4.tcp_rmem", "4096\t131072\t6291456", true, Recorded.absent());

        Plan plan = op.plan(ctx, Map.of("name", "net.ipv4.tcp_rmem", "value", "4096  131072 6291456"));

        assertThat(plan.actions()).singleElement().isInstanceOf(Action.Upload.class);
    }

    @Test
    void unknownKeyAndBadArguments() {
        ScriptedContext ctx = host("net.bridge.x", "", false, Recorded.absent());
        assertThatThrownBy(() -> op.plan(ctx, Map.of("name", "net.bridge.x", "value", "1")))
                .hasMessageStartingWith("the kernel has no parameter net.bridge.x");
        assertThatThrownBy(() -> op.plan(ctx, Map.of("name", "swappiness", "value", "1")))
                .hasMessageContaining("sysctl: argument 'name' must be a dotted sysctl key");
        assertThatThrownBy(() -> op.plan(ctx, Map.of("name", "vm.swappiness")))
                .hasMessage("sysctl: argument 'value' is required");
    }
}
