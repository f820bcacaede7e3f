package io.pgha.facts;

import io.pgha.transport.ExecResult;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class AptFactTest {

    /** Recorded on Debian 12: dpkg-query exits 1 when one name is unknown, rows for the others still come. */
    private static final String RECORDED = "@@pgha:packages\n"
            + "bash\tinstall ok installed\t5.2.15-2+b8\n"
            + "postgresql-15\tdeinstall ok config-files\t15.14-0+deb12u1\n"
            + "patroni\tunknown ok not-installed\t\n"
            + "@@pgha:cache\n1796000000 1795996400\n";

    @Test
    void onlyFullyInstalledPackagesCount() throws Exception {
        AptState state = new AptFact(List.of("bash", "postgresql-15", "patroni", "nosuchpkg"))
                .parse(new ExecResult(0, RECORDED, "dpkg-query: no packages found matching nosuchpkg", Duration.ZERO));

        assertThat(state.installed()).containsOnlyKeys("bash").containsEntry("bash", "5.2.15-2+b8");
        assertThat(state.cacheAgeSeconds()).hasValue(3600);
    }

    @Test
    void neverUpdatedCacheHasNoAge() throws Exception {
        AptState state = new AptFact(List.of()).parse(LocalShell.result("@@pgha:packages\n@@pgha:cache\n1796000000 -\n"));

        assertThat(state.installed()).isEmpty();
        assertThat(state.cacheAgeSeconds()).isEmpty();
    }

    @Test
    void cacheOnlyQueryDoesNotListEveryPackage() {
        assertThat(new AptFact(List.of()).command()).doesNotContain("dpkg-query");
    }

    @Test
    void runsOnADebianHost() throws Exception {
        assumeTrue(LocalShell.has("dpkg-query"), "not a Debian host");
        AptFact fact = new AptFact(List.of("coreutils", "no-such-package-pgha"));

        AptState state = fact.parse(LocalShell.run(fact.command()));

        assertThat(state.installed()).containsOnlyKeys("coreutils");
    }
}
