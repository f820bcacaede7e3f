package io.pgha.facts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

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

        Optional<PathStat> s = fact.parse(LocalShell.result("directory\tpostgres\tpostgres\t2750\n"));

        assertThat(s).contains(new PathStat(PathType.DIRECTORY, "postgres", "postgres", 02750, null));
    }

    private static Optional<PathStat> stat(Path p) throws FactException {
        PathStatFact fact = new PathStatFact(p.toString());
        return fact.parse(LocalShell.run(fact.command()));
    }
}
