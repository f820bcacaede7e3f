package io.pgha.transport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Uploads land through the real shell tools (install, mv) of this machine, as they would on a host. */
class SshTransportUploadTest extends OneServerFixture {
    @TempDir
    Path etc;

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void writesANewFileWithModeOwnerAndGroup() throws Exception {
        Path target = etc.resolve("patroni.yml");
        List<String> uploadsBefore = leftoverUploads();

        db1.upload(utf8("scope: pg ✓\n"), new RemoteFile(target.toString(), "0640", "nobody", "nogroup", true, null));

        assertThat(Files.readString(target)).isEqualTo("scope: pg ✓\n");
        PosixFileAttributes attrs = Files.readAttributes(target, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        assertThat(PosixFilePermissions.toString(attrs.permissions())).isEqualTo("rw-r-----");
        assertThat(attrs.owner().getName()).isEqualTo("nobody");
        assertThat(attrs.group().getName()).isEqualTo("nogroup");
        assertThat(siblings(target)).containsExactly("patroni.yml");
        assertThat(leftoverUploads()).isEqualTo(uploadsBefore);
    }

    @Test
    void replacesAnExistingFileByRenameAfterValidation() throws Exception {
        Path target = etc.resolve("haproxy.cfg");
        Files.writeString(target, "old good\n");
        Object oldInode = Files.getAttribute(target, "unix:ino");

        db1.upload(utf8("new good\n"), new RemoteFile(target.toString(), "0644", null, null, false, "grep -q good %s"));

        assertThat(Files.readString(target)).isEqualTo("new good\n");
        // A new inode: the file was renamed over the target, never rewritten in place.
        assertThat(Files.getAttribute(target, "unix:ino")).isNotEqualTo(oldInode);
        assertThat(siblings(target)).containsExactly("haproxy.cfg");
    }

    @Test
    void failedValidationKeepsTheOldFileAndReportsTheValidatorOutput() throws Exception {
        Path target = etc.resolve("haproxy.cfg");
        Files.writeString(target, "old good\n");
        List<String> uploadsBefore = leftoverUploads();
        RemoteFile file = new RemoteFile(target.toString(), "0644", null, null, true,
                "echo \"[ALERT] parsing $(cat %s)\" >&2; exit 1");

        assertThatThrownBy(() -> db1.upload(utf8("broken"), file))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("db1: cannot write " + target + " (the old file is unchanged)")
                .hasMessageContaining("[ALERT] parsing broken");

        assertThat(Files.readString(target)).isEqualTo("old good\n");
        assertThat(siblings(target)).containsExactly("haproxy.cfg");
        assertThat(leftoverUploads()).isEqualTo(uploadsBefore);
    }

    @Test
    void missingDirectoryIsAClearErrorAndLeavesNothingBehind() throws Exception {
        List<String> uploadsBefore = leftoverUploads();
        String target = etc.resolve("no/such/dir/file").toString();

        assertThatThrownBy(() -> db1.upload(utf8("x"), new RemoteFile(target, "0600", null, null, false, null)))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("cannot write " + target)
                .hasMessageContaining("install failed");
        assertThat(leftoverUploads()).isEqualTo(uploadsBefore);
    }

    @Test
    void sudoRefusalLeavesNoUploadBehind() throws Exception {
        List<String> uploadsBefore = leftoverUploads();
        server.requireSudoPassword(true);
        // A new connection: sudo is asked once per connection, when its root shell starts.
        try (Transport fresh = factory.open(lab.spec("db1", server))) {
            assertThatThrownBy(() -> fresh.upload(utf8("x"),
                    new RemoteFile(etc.resolve("f").toString(), "0600", null, null, true, null)))
                    .hasMessageStartingWith("sudo requires a password for admin on db1");
        } finally {
            server.requireSudoPassword(false);
        }
        assertThat(leftoverUploads()).isEqualTo(uploadsBefore);
        assertThat(etc.resolve("f")).doesNotExist();
    }

    private static List<String> siblings(Path file) throws IOException {
        try (Stream<Path> files = Files.list(file.getParent())) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static List<String> leftoverUploads() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("/tmp"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".pgha-upload-")).sorted().toList();
        }
    }
}
