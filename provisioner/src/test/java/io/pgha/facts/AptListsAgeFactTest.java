package io.pgha.facts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AptListsAgeFactTest {
    private final AptListsAgeFact fact = new AptListsAgeFact();

    @Test
    void ageIsTheHostsClockMinusTheStamp() throws Exception {
        assertThat(fact.parse(LocalShell.result("1796000000 1795996400\n"))).hasValue(3600);
    }

    @Test
    void neverUpdatedListsHaveNoAge() throws Exception {
        assertThat(fact.parse(LocalShell.result("1796000000 -\n"))).isEmpty();
    }

    @Test
    void garbledOutputIsAnError() {
        assertThatThrownBy(() -> fact.parse(LocalShell.result("soon\n"))).isInstanceOf(FactException.class)
                .hasMessageContaining("unexpected apt cache age output: soon");
    }

    @Test
    void readsTheStampOrTheListsWithTheLocalShell() throws Exception {
        assertThat(fact.command()).contains(AptListsAgeFact.UPDATE_STAMP);

        // A Debian host gives an age; any other host has neither file, so no age: never an error.
        assertThat(fact.parse(LocalShell.run(fact.command()))).satisfiesAnyOf(
                age -> assertThat(age).isEmpty(), age -> assertThat(age.getAsLong()).isNotNegative());
    }
}
