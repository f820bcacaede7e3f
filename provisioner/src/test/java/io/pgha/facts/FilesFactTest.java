package io.pgha.facts;

import io.pgha.transport.ExecResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FilesFactTest {

    @TempDir
    Path dir;

    @Test
    void fileWithTheExpectedDigestSendsNoContent() throws Exception {
        Path f = write("a.conf", "listen 5432\n", "rw-r-----");
        FilesFact fact = new FilesFact(FileQuery.compareWith(f.toString(), sha("listen 5432\n")));

        FileState state = fact.parse(LocalShell.run(fact.command())).get(0);

        assertThat(state.exists()).isTrue();
        assertThat(state.mode()).isEqualTo(0640);
        assertThat(state.sha256()).isEqualTo(sha("listen 5432\n"));
        assertThat(state.content()).isNull();
        assertThat(state.parentExists()).isTrue();
        assertThat(state.owner()).isEqualTo(System.getProperty("user.name"));
    }

    @Test
    void fileWithAnotherDigestSendsItsContentForTheDiff() throws Exception {
        Path f = write("b.conf", "old\nlines\n", "rw-r--r--");
        FilesFact fact = new FilesFact(FileQuery.compareWith(f.toString(), sha("new\n")));

        FileState state = fact.parse(LocalShell.run(fact.command())).get(0);

        assertThat(new String(state.content(), StandardCharsets.UTF_8)).isEqualTo("old\nlines\n");
        assertThat(state.mode()).isEqualTo(0644);
    }

    @Test
    void emptyFileIsReadAsEmptyContent() throws Exception {
        Path f = write("empty", "", "rw-r--r--");
        FilesFact fact = new FilesFact(FileQuery.fetch(f.toString()));

        FileState state = fact.parse(LocalShell.run(fact.command())).get(0);

        assertThat(state.content()).isEmpty();
        assertThat(state.sha256()).isEqualTo(sha(""));
    }

    @Test
    void absentFileDirectoryAndMissingParentInOneCommand() throws Exception {
        Files.createDirectory(dir.resolve("sub"));
        FilesFact fact = new FilesFact(List.of(
                FileQuery.compareWith(dir.resolve("none").toString(), "x"),
                FileQuery.compareWith(dir.resolve("sub").toString(), "x"),
                FileQuery.fetch(dir.resolve("nodir/file").toString())));

        List<FileState> states = fact.parse(LocalShell.run(fact.command()));

        assertThat(states.get(0).exists()).isFalse();
        assertThat(states.get(0).parentExists()).isTrue();
        assertThat(states.get(1).exists()).isFalse();
        assertThat(states.get(1).otherType()).isEqualTo("directory");
        assertThat(states.get(2).exists()).isFalse();
        assertThat(states.get(2).parentExists()).isFalse();
    }

    @Test
    void readsTheModificationTimeInWholeSeconds() throws Exception {
        Path f = write("etcd.env", "x\n", "rw-r--r--");
        Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.fromMillis(1_700_000_123_900L));
        FilesFact fact = new FilesFact(FileQuery.compareWith(f.toString(), null));

        assertThat(fact.parse(LocalShell.run(fact.command())).get(0).modified()).isEqualTo(1_700_000_123L);
    }

    @Test
    void pathsWithSpacesAndQuotesAreQuoted() throws Exception {
        Path f = write("it's here.conf", "x\n", "rw-------");
        FilesFact fact = new FilesFact(FileQuery.fetch(f.toString()));

        FileState state = fact.parse(LocalShell.run(fact.command())).get(0);

        assertThat(new String(state.content(), StandardCharsets.UTF_8)).isEqualTo("x\n");
        assertThat(state.mode()).isEqualTo(0600);
    }

    @Test
    void parsesRecordedOutput() throws Exception {
        FilesFact fact = new FilesFact(List.of(FileQuery.fetch("/etc/hosts"), FileQuery.fetch("/etc/x/y")));
        String out = "@@pgha:paths\ne\nan\n@@pgha:stat\nregular file\troot\troot\t644\t1700000000\n@@pgha:sha\n" + "a".repeat(64)
                + "  /etc/hosts\n@@pgha:c0\naGVsbG8K\n";

        List<FileState> states = fact.parse(LocalShell.result(out));

        assertThat(states.get(0).owner()).isEqualTo("root");
        assertThat(states.get(0).modified()).isEqualTo(1_700_000_000L);
        assertThat(new String(states.get(0).content(), StandardCharsets.UTF_8)).isEqualTo("hello\n");
        assertThat(states.get(1).parentExists()).isFalse();
    }

    @Test
    void manyFilesTakeOneStatAndOneSha256sum() {
        String command = new FilesFact(List.of(FileQuery.fetch("/a"), FileQuery.compareWith("/b", "x"),
                FileQuery.compareWith("/c", "y"))).command();

        assertThat(command.split("stat -L", -1)).hasSize(2);
        assertThat(command.split("sha256sum", -1)).hasSize(2);
    }

    @Test
    void mergedFactsReadInOneCommandWhatEachReadsAlone() throws Exception {
        Path same = write("same.conf", "kept\n", "rw-r-----");
        Path differs = write("differs.conf", "old\n", "rw-r--r--");
        Path edited = write("hosts", "127.0.0.1 localhost\n", "rw-r--r--");
        Files.createDirectory(dir.resolve("sub"));
        List<FilesFact> facts = List.of(
                new FilesFact(FileQuery.compareWith(same.toString(), sha("kept\n"))),
                new FilesFact(List.of(FileQuery.compareWith(differs.toString(), sha("new\n")),
                        FileQuery.compareWith(dir.resolve("absent").toString(), "x"))),
                new FilesFact(FileQuery.fetch(edited.toString())),
                new FilesFact(List.of(FileQuery.compareWith(dir.resolve("sub").toString(), "x"),
                        FileQuery.fetch(dir.resolve("nodir/file").toString()))));

        Fact<List<Object>> merged = facts.get(0).merger().merge(facts);
        List<Object> values = merged.parse(LocalShell.run(merged.command()));

        assertThat(values).hasSize(facts.size());
        for (int i = 0; i < facts.size(); i++) {
            assertThat(values.get(i)).as("fact %d", i).usingRecursiveComparison()
                    .isEqualTo(facts.get(i).parse(LocalShell.run(facts.get(i).command())));
        }
        @SuppressWarnings("unchecked")
        FileState changed = ((List<FileState>) values.get(1)).get(0);
        assertThat(new String(changed.content(), StandardCharsets.UTF_8)).isEqualTo("old\n");
        assertThat(merged.command().split("sha256sum", -1)).hasSize(2);
    }

    @Test
    void aFileLargerThanTheDiffLimitComesWithoutContent() throws Exception {
        Path big = write("big", "x".repeat((int) FilesFact.MAX_CONTENT_BYTES + 1), "rw-r--r--");
        FilesFact fact = new FilesFact(FileQuery.compareWith(big.toString(), "0".repeat(64)));

        FileState state = fact.parse(LocalShell.run(fact.command())).get(0);

        assertThat(state.exists()).isTrue();
        assertThat(state.content()).isNull();
    }

    @Test
    void missingSectionIsAFactError() {
        FilesFact fact = new FilesFact(FileQuery.fetch("/etc/hosts"));

        assertThatThrownBy(() -> fact.parse(new ExecResult(1, "", "sudo: a password is required",
                java.time.Duration.ZERO)))
                .isInstanceOf(FactException.class)
                .hasMessageContaining("/etc/hosts").hasMessageContaining("sudo: a password is required");
    }

    private Path write(String name, String content, String perms) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, content);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(perms));
        return f;
    }

    static String sha(String content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(content.getBytes(StandardCharsets.UTF_8)));
    }
}
