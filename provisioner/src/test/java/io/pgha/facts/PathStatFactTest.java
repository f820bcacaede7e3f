package io.pgha.facts;

import io.pgha.transport.ExecResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PathStatFactTest {

    @TempDir
    Path dir;

    @Test
    void directoryFileLinkAndAbsent() throws Exception {
        Path sub = Files.createDirectory(dir.resolve("data"));
        Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("rwx------"));
        Path file = Files.writeString(dir.resolve("f"), "");
        Path link = Files.createSymbolicLink(dir.resolve("current"), sub);

        assertThat(stat(sub)).get().extracting(PathStat::type, PathStat::mode).containsExactly(PathType.DIRECTORY, 0700);
        assertThat(stat(file)).get().extracting(PathStat::type).isEqualTo(PathType.FILE);
        assertThat(stat(link)).get().extracting(PathStat::type, PathStat::linkTarget)
                .containsExactly(PathType.LINK, sub.toString());
        assertThat(stat(dir.resolve("none"))).isEmpty();
    }

    @Test
    void danglingLinkExists() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("gone"));

        assertThat(stat(link)).get().extracting(PathStat::linkTarget).isEqualTo(dir.resolve("gone").toString());
    }

    @Test
    void parsesRecordedOutput() throws Exception {
        PathStatFact fact = new PathStatFact("/var/lib/postgresql");

        Optional<PathStat> s = fact.parse(LocalShell.result(
                "@@pgha:paths\ne\n@@pgha:stat\ndirectory\tpostgres\tpostgres\t2750\n@@pgha:links\n"));

        assertThat(s).contains(new PathStat(PathType.DIRECTORY, "postgres", "postgres", 02750, null));
    }

    @Test
    void mergedFactsTakeOneStatAndEachGetsWhatItReadsAlone() throws Exception {
        Path sub = Files.createDirectory(dir.resolve("data"));
        Path link = Files.createSymbolicLink(dir.resolve("current"), sub);
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("gone"));
        Path file = Files.writeString(dir.resolve("f"), "");
        List<PathStatFact> facts = Stream.of(dir.resolve("none"), link, sub, dangling, file, dir.resolve("none2"))
                .map(p -> new PathStatFact(p.toString())).toList();

        Fact<List<Object>> merged = facts.get(0).merger().merge(facts);
        List<Object> values = merged.parse(LocalShell.run(merged.command()));

        assertThat(merged.command().split("stat --printf", -1)).hasSize(2);
        assertThat(values).hasSize(facts.size());
        for (int i = 0; i < facts.size(); i++) {
            assertThat(values.get(i)).as("path %d", i).isEqualTo(facts.get(i).parse(LocalShell.run(facts.get(i).command())));
        }
        assertThat(values.get(1)).isEqualTo(Optional.of(new PathStat(PathType.LINK, owner(), group(link), 0777, sub.toString())));
    }

    @Test
    void noOutputIsAFactError() {
        PathStatFact fact = new PathStatFact("/etc");

        assertThatThrownBy(() -> fact.parse(new ExecResult(1, "", "sudo: a password is required", Duration.ZERO)))
                .isInstanceOf(FactException.class).hasMessageContaining("/etc").hasMessageContaining("password");
    }

    private static String owner() {
        return System.getProperty("user.name");
    }

    private static String group(Path p) throws Exception {
        return Files.readAttributes(p, java.nio.file.attribute.PosixFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                .group().getName();
    }

    private static Optional<PathStat> stat(Path p) throws FactException {
        PathStatFact fact = new PathStatFact(p.toString());
        return fact.parse(LocalShell.run(fact.command()));
    }
}
