package io.pgha.facts;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class InitOpenFilesFactTest {
    private final InitOpenFilesFact fact = new InitOpenFilesFact();

    @Test
    void readsPid1sHardLimitWithTheShellAlone() throws Exception {
        // The hard limit is the fifth field of the "Max open files" line of /proc/1/limits.
        String line = Files.readAllLines(Path.of("/proc/1/limits")).stream()
                .filter(l -> l.startsWith("Max open files")).findFirst().orElseThrow();
        String hard = line.substring("Max open files".length()).strip().split("\\s+")[1];

        OptionalLong read = fact.parse(LocalShell.run(fact.command()));

        assertThat(read).isEqualTo(hard.equals("unlimited") ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(hard)));
    }

    @Test
    void unlimitedOrUnreadableIsNoCap() {
        assertThat(fact.parse(LocalShell.result("unlimited\n"))).isEmpty();
        assertThat(fact.parse(LocalShell.result(""))).isEmpty();
        assertThat(fact.parse(LocalShell.result("20000\n"))).hasValue(20000);
    }
}
