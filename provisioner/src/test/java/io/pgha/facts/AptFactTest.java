package io.pgha.facts;

import io.pgha.transport.ExecResult;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class AptFactTest {

    /** Recorded on Debian 12: dpkg-query exits 1 when one name is unknown, rows for the others still come. */
    private static final String RECORDED = "bash\tinstall ok installed\t5.2.15-2+b8\n"
            + "postgresql-15\tdeinstall ok config-files\t15.14-0+deb12u1\n"
            + "patroni\tunknown ok not-installed\t\n";

    @Test
    void onlyFullyInstalledPackagesCount() throws Exception {
        AptState state = new AptFact(List.of("bash", "postgresql-15", "patroni", "nosuchpkg"))
                .parse(new ExecResult(1, RECORDED, "dpkg-query: no packages found matching nosuchpkg", Duration.ZERO));

        assertThat(state.installed()).containsOnlyKeys("bash").containsEntry("bash", "5.2.15-2+b8");
    }

    @Test
    void asksOnlyDpkgQuery() {
        // One process on a converged host: the lists' age (date, stat) is a fact of its own.
        assertThat(new AptFact(List.of("patroni")).command()).startsWith("dpkg-query ")
                .doesNotContain(";").doesNotContain("date").doesNotContain("stat ");
    }

    @Test
    void aHostWithoutDpkgIsAnError() {
        AptFact fact = new AptFact(List.of("bash"));

        assertThatThrownBy(() -> fact.parse(new ExecResult(127, "", "sh: 1: dpkg-query: not found", Duration.ZERO)))
                .isInstanceOf(FactException.class).hasMessageContaining("dpkg-query: not found");
    }

    @Test
    void mergedFactsAskOneDpkgQueryAndEachSeesOnlyItsOwnPackages() throws Exception {
        List<AptFact> facts = List.of(new AptFact(List.of("bash", "patroni")), new AptFact(List.of("postgresql-15", "bash")),
                new AptFact(List.of("nosuchpkg")));

        Fact<List<Object>> merged = facts.get(0).merger().merge(facts);
        List<Object> values = merged.parse(new ExecResult(1, RECORDED, "dpkg-query: no packages found matching nosuchpkg",
                Duration.ZERO));

        assertThat(merged.command()).isEqualTo(new AptFact(List.of("bash", "patroni", "postgresql-15", "nosuchpkg")).command());
        assertThat(values).containsExactly(new AptState(java.util.Map.of("bash", "5.2.15-2+b8")),
                new AptState(java.util.Map.of("bash", "5.2.15-2+b8")), new AptState(java.util.Map.of()));
    }

    @Test
    void mergedOnADebianHostEachGetsWhatItReadsAlone() throws Exception {
        assumeTrue(LocalShell.has("dpkg-query"), "not a Debian host");
        List<AptFact> facts = List.of(new AptFact(List.of("coreutils", "no-such-package-pgha")), new AptFact(List.of("bash")));

        Fact<List<Object>> merged = facts.get(0).merger().merge(facts);
        List<Object> values = merged.parse(LocalShell.run(merged.command()));

        for (int i = 0; i < facts.size(); i++) {
            assertThat(values.get(i)).isEqualTo(facts.get(i).parse(LocalShell.run(facts.get(i).command())));
        }
    }

    @Test
    void runsOnADebianHost() throws Exception {
        assumeTrue(LocalShell.has("dpkg-query"), "not a Debian host");
        AptFact fact = new AptFact(List.of("coreutils", "no-such-package-pgha"));

        AptState state = fact.parse(LocalShell.run(fact.command()));

        assertThat(state.installed()).containsOnlyKeys("coreutils");
    }
}
