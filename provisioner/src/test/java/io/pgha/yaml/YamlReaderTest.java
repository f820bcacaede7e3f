package io.pgha.yaml;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class YamlReaderTest {
    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("file.yml"), text);
    }

    @Test
    void readsPlainValuesAndKeepsTheLineOfEachKey() throws Exception {
        Path file = write("""
                # comment
                name: pg
                nested:
                  port: 5432
                  list:
                    - a
                    - {b: 1}
                """);
        YamlMap root = (YamlMap) YamlReader.read(file);
        assertThat(root.file()).isEqualTo(file.toString());
        assertThat(root.line("name")).isEqualTo(2);
        assertThat(root.where("nested")).isEqualTo(file + ":3");
        YamlMap nested = (YamlMap) root.get("nested");
        assertThat(nested.get("port")).isEqualTo(5432);
        assertThat(nested.line("port")).isEqualTo(4);
        YamlList list = (YamlList) nested.get("list");
        assertThat(list.get(0)).isEqualTo("a");
        assertThat(list.line(1)).isEqualTo(7);
        assertThat(((YamlMap) list.get(1)).line("b")).isEqualTo(7);
        assertThat(root.line("absent")).isEqualTo(root.line());
    }

    @Test
    void followsYaml12CoreSchemaAndKeepsTheSourceTextOfScalars() throws Exception {
        YamlMap root = (YamlMap) YamlReader.read(write("""
                a: yes
                b: True
                c: ~
                d:
                e: 16.10
                f: "16.10"
                g: 192.0.2.1
                """));
        assertThat(root.get("a")).isEqualTo("yes");
        assertThat(root.get("b")).isEqualTo(true);
        assertThat(root).containsEntry("c", null).containsEntry("d", null);
        assertThat(root.get("e")).isEqualTo(16.1);
        assertThat(root.sourceText("e")).isEqualTo("16.10");
        assertThat(root.get("f")).isEqualTo("16.10");
        assertThat(root.get("g")).isEqualTo("192.0.2.1");
    }

    @Test
    void resolvesAnchorsAliasesAndMergeKeys() throws Exception {
        YamlMap root = (YamlMap) YamlReader.read(write("""
                base: &base {user: postgres, port: 5432}
                copy: *base
                merged:
                  <<: *base
                  port: 6432
                """));
        assertThat(root.get("copy")).isEqualTo(root.get("base"));
        assertThat((YamlMap) root.get("merged")).containsEntry("user", "postgres").containsEntry("port", 6432);
    }

    @Test
    void emptyFileIsNull() throws Exception {
        assertThat(YamlReader.read(write("# nothing\n"))).isNull();
    }

    @Test
    void duplicateKeyNamesBothLines() throws Exception {
        Path file = write("""
                all:
                  hosts: {}
                  vars: {}
                  hosts: {}
                """);
        assertThatThrownBy(() -> YamlReader.read(file))
                .isInstanceOf(YamlException.class)
                .hasMessage(file + ":4: key 'hosts': duplicate key (first defined at line 2). "
                        + "Hint: keep only one of them; YAML mappings cannot repeat a key");
    }

    @Test
    void tabIndentationGivesLineColumnAndHint() throws Exception {
        Path file = write("all:\n\thosts:\n");
        assertThatThrownBy(() -> YamlReader.read(file))
                .hasMessageStartingWith(file + ":2:1: YAML syntax error:")
                .hasMessageEndingWith("Hint: indent with spaces, not tabs");
    }

    @Test
    void misplacedColonGivesLineColumnAndHint() throws Exception {
        Path file = write("a: 1\n  b: 2\n");
        assertThatThrownBy(() -> YamlReader.read(file))
                .hasMessageStartingWith(file + ":2:4: YAML syntax error: mapping values are not allowed here.")
                .hasMessageContaining("Hint: check the indentation of this line");
    }

    @Test
    void unclosedQuoteAndBracketHaveHints() throws Exception {
        Path quote = write("a: 'x\n");
        assertThatThrownBy(() -> YamlReader.read(quote)).hasMessageStartingWith(quote + ":2:1: ")
                .hasMessageContaining("Hint: close the quote");
        Path bracket = write("a: [b\nc: d\n");
        assertThatThrownBy(() -> YamlReader.read(bracket)).hasMessageStartingWith(bracket + ":2:2: ")
                .hasMessageContaining("(started at line 1). Hint: close the bracket");
    }

    @Test
    void vaultTagIsRefusedWithHint() throws Exception {
        Path file = write("password: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n");
        assertThatThrownBy(() -> YamlReader.read(file))
                .hasMessageStartingWith(file + ":1:11: unsupported tag !vault.")
                .hasMessageContaining("Hint: pgha does not decrypt Ansible Vault");
    }

    @Test
    void missingFileIsReported() {
        Path file = dir.resolve("absent.yml");
        assertThatThrownBy(() -> YamlReader.read(file)).hasMessage(file + ": file not found. Hint: check the path");
    }

    @Test
    void numericVersionsAndModesAreRefusedWithTheQuotedSpelling() throws Exception {
        Path file = write("""
                ok_version: "16.10"
                nested:
                  - postgresql_version: 16.10
                """);
        Object root = YamlReader.read(file);
        assertThatThrownBy(() -> NumericPitfalls.checkVersions(root))
                .hasMessage(file + ":3: key 'postgresql_version': '16.10' is read by YAML as the number 16.1. "
                        + "Hint: write it as a string: \"16.10\"");
        Object modes = YamlReader.read(write("dest: /x\nmode: 0640\n"));
        assertThatThrownBy(() -> NumericPitfalls.checkModes(modes))
                .hasMessageContaining(":2: key 'mode': '0640' is read by YAML as the number")
                .hasMessageEndingWith("Hint: write it as a string: \"0640\"");
        NumericPitfalls.checkModes(YamlReader.read(write("mode: \"0640\"\n")));
    }

    @Test
    void suggestsCloseNamesOnly() {
        assertThat(Suggest.closest("templte", List.of("template", "service"))).contains("template");
        assertThat(Suggest.closest("xyz", List.of("template", "service"))).isEmpty();
    }
}
