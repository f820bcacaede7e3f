package io.pgha.operations;

import io.pgha.facts.AptFact;
import io.pgha.facts.AptListsAgeFact;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AptTest {
    private static final List<String> PACKAGES = List.of("postgresql", "patroni", "etcd-server");
    private final Apt apt = new Apt();

    private static String installed(String... rows) {
        return String.join("\n", rows) + "\n";
    }

    /** The lists were refreshed this many seconds ago. */
    private static String listsAge(long seconds) {
        return "1796000000 " + (1796000000 - seconds) + "\n";
    }

    @Test
    void convergedHostChangesNothing() throws Exception {
        ScriptedContext ctx = new ScriptedContext().onFact(new AptFact(PACKAGES), installed(
                "postgresql\tinstall ok installed\t17+278", "patroni\tinstall ok installed\t4.0.7-1",
                "etcd-server\tinstall ok installed\t3.5.16-4"));

        Plan plan = apt.plan(ctx, Map.of("packages", PACKAGES, "update_cache", true, "cache_valid_time", 3600));

        assertThat(plan.changes()).isFalse();
        assertThat(plan.message()).contains("already installed");
        assertThat(ctx.asked()).containsExactly(new AptFact(PACKAGES).command());
    }

    @Test
    void convergedHostWithOldPackageListsChangesNothingAndNeverAsksTheirAge() throws Exception {
        // The age fact is not scripted: asking it fails the test.
        ScriptedContext ctx = new ScriptedContext().onFact(new AptFact(List.of("haproxy")),
                "haproxy\tinstall ok installed\t3.0.11-1\n");

        Plan plan = apt.plan(ctx, Map.of("packages", List.of("haproxy"), "update_cache", true, "cache_valid_time", 0));

        assertThat(plan.changes()).isFalse();
        assertThat(ctx.asked()).containsExactly(new AptFact(List.of("haproxy")).command());
    }

    @Test
    void removingPackagesNeverAsksTheListsAge() throws Exception {
        ScriptedContext ctx = new ScriptedContext().onFact(new AptFact(List.of("exim4")), 1,
                installed("exim4\tinstall ok installed\t4.96"));

        Plan plan = apt.plan(ctx, Map.of("packages", "exim4", "state", "absent", "update_cache", true));

        assertThat(plan.actions()).singleElement().extracting(Action::describe).asString().endsWith("remove exim4");
        assertThat(ctx.asked()).hasSize(1);
    }

    @Test
    void installsOnlyMissingPackagesWithRetries() throws Exception {
        ScriptedContext ctx = new ScriptedContext().onFact(new AptFact(PACKAGES),
                installed("postgresql\tinstall ok installed\t17+278"));

        Plan plan = apt.plan(ctx, Map.of("packages", "postgresql patroni etcd-server"));

        assertThat(plan.actions()).singleElement().isInstanceOfSatisfying(Action.Exec.class, exec -> {
            assertThat(exec.command()).isEqualTo("DEBIAN_FRONTEND=noninteractive apt-get -y -o DPkg::Lock::Timeout=300 "
                    + "install --no-install-recommends patroni etcd-server");
            assertThat(exec.retries()).isPositive();
            assertThat(exec.retryDelay()).isPositive();
        });
        assertThat(plan.message()).isEqualTo("install patroni, etcd-server");
    }

    @Test
    void staleCacheIsUpdatedFirstAndStamped() throws Exception {
        ScriptedContext ctx = new ScriptedContext().onFact(new AptFact(List.of("haproxy")), 1, "")
                .onFact(new AptListsAgeFact(), "1796000000 -\n");

        Plan plan = apt.plan(ctx, Map.of("packages", List.of("haproxy"), "update_cache", "true",
                "install_recommends", true));

        assertThat(plan.actions()).extracting(Action::describe).containsExactly(
                "DEBIAN_FRONTEND=noninteractive apt-get -y -o DPkg::Lock::Timeout=300 update && mkdir -p "
                        + "/var/lib/apt/periodic && touch " + AptListsAgeFact.UPDATE_STAMP,
                "DEBIAN_FRONTEND=noninteractive apt-get -y -o DPkg::Lock::Timeout=300 install haproxy");
    }

    @Test
    void freshCacheIsNotUpdated() throws Exception {
        ScriptedContext ctx = new ScriptedContext().onFact(new AptListsAgeFact(), listsAge(1000));

        assertThat(apt.plan(ctx, Map.of("update_cache", true)).changes()).isFalse();
        assertThat(apt.plan(ctx, Map.of("update_cache", true, "cache_valid_time", 60)).changes()).isTrue();
        assertThat(ctx.asked()).containsOnly(new AptListsAgeFact().command());
    }

    @Test
    void freshCacheBeforeAnInstallIsNotUpdated() throws Exception {
        ScriptedContext ctx = new ScriptedContext().onFact(new AptFact(List.of("haproxy")), 1, "")
                .onFact(new AptListsAgeFact(), listsAge(1000));

        Plan plan = apt.plan(ctx, Map.of("packages", "haproxy", "update_cache", true));

        assertThat(plan.actions()).singleElement().extracting(Action::describe).asString()
                .endsWith("install --no-install-recommends haproxy");
    }

    @Test
    void versionPinMustMatch() throws Exception {
        ScriptedContext ctx = new ScriptedContext().onFact(new AptFact(List.of("patroni")),
                installed("patroni\tinstall ok installed\t4.0.6-1"));

        Plan plan = apt.plan(ctx, Map.of("packages", List.of("patroni=4.0.7-1")));

        assertThat(plan.actions()).singleElement().extracting(Action::describe).asString().endsWith("install "
                + "--no-install-recommends patroni=4.0.7-1");
    }

    @Test
    void absentRemovesOnlyInstalledPackages() throws Exception {
        ScriptedContext ctx = new ScriptedContext().onFact(new AptFact(List.of("exim4", "nano")),
                installed("exim4\tinstall ok installed\t4.96"));

        Plan plan = apt.plan(ctx, Map.of("packages", List.of("exim4", "nano"), "state", "absent", "purge", true));

        assertThat(plan.actions()).singleElement().extracting(Action::describe).asString().endsWith("purge exim4");
    }

    @Test
    void badArgumentsNameTheArgument() {
        ScriptedContext ctx = new ScriptedContext();

        assertThatThrownBy(() -> apt.plan(ctx, Map.of())).hasMessage(
                "apt: argument 'packages' is required (a package name or a list of them), unless update_cache is set");
        assertThatThrownBy(() -> apt.plan(ctx, Map.of("packages", "x1", "state", "installed")))
                .hasMessage("apt: argument 'state' must be one of present, absent (got 'installed')");
        assertThatThrownBy(() -> apt.plan(ctx, Map.of("packages", "Foo;rm")))
                .hasMessageContaining("argument 'packages' has an invalid package name 'Foo;rm'");
        assertThatThrownBy(() -> apt.plan(ctx, Map.of("packages", "x1", "cache_valid_time", "an hour")))
                .hasMessageContaining("'cache_valid_time' must be a whole number");
        assertThatThrownBy(() -> apt.plan(ctx, Map.of("pkgs", "x1")))
                .hasMessageContaining("apt: unknown argument 'pkgs' (allowed: cache_valid_time, install_recommends, "
                        + "packages, purge, state, update_cache)");
        assertThat(ctx.asked()).isEmpty();
    }
}
