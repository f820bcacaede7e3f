package io.pgha.inventory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExtraVarsTest {
    @TempDir
    Path dir;

    @Test
    void keyValuesAndFilesInOrderLaterWins() throws Exception {
        Path file = Files.writeString(dir.resolve("extra.yml"), "a: from-file\nb: 5\npostgresql_version: \"16.10\"\n");
        Map<String, String> vars = ExtraVars.parse(List.of("a=1", "@" + file, "b=x=y", "empty="));
        assertThat(vars).containsExactly(Map.entry("a", "from-file"), Map.entry("b", "x=y"),
                Map.entry("postgresql_version", "16.10"), Map.entry("empty", ""));
    }

    @Test
    void refusesOptionsThatAreNotKeyValue() {
        assertThatThrownBy(() -> ExtraVars.parse(List.of("novalue")))
                .hasMessage("command line (-e): 'novalue' is not key=value. "
                        + "Hint: write -e name=value (one variable per -e), or -e @file.yml");
    }

    @Test
    void refusesStructuredOrNumericVersionValuesInFiles() throws Exception {
        Path file = Files.writeString(dir.resolve("extra.yml"), "a: [1, 2]\n");
        assertThatThrownBy(() -> ExtraVars.parse(List.of("@" + file)))
                .hasMessageStartingWith(file + ":1: key 'a': -e values must be plain values.");
        Files.writeString(file, "etcd_version: 3.5\n");
        assertThatThrownBy(() -> ExtraVars.parse(List.of("@" + file)))
                .hasMessageContaining("Hint: write it as a string: \"3.5\"");
    }
}
