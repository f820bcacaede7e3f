package io.pgha.vagrant;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HostKeyTest {
    private static final String ED25519 = Recorded.text("probe-pg1.txt").lines()
            .filter(l -> l.startsWith("ssh-ed25519 ")).findFirst().orElseThrow();

    @Test
    void readsTypeAndBlobAndDropsTheComment() {
        HostKey key = HostKey.parse(ED25519, "VM pg1").orElseThrow();

        assertThat(key.type()).isEqualTo("ssh-ed25519");
        assertThat(key.base64()).isEqualTo(ED25519.split(" ")[1]);
    }

    @Test
    void readsEveryRecordedKeyType() {
        assertThat(Recorded.text("probe-pg1.txt").lines()
                .flatMap(l -> HostKey.parse(l, "VM pg1").stream()).map(HostKey::type))
                .containsExactlyInAnyOrder("ecdsa-sha2-nistp256", "ssh-ed25519", "ssh-rsa");
    }

    @Test
    void otherLinesAreNotKeys() {
        assertThat(HostKey.parse("3: eth1    inet 10.79.1.11/24 scope global eth1", "x")).isEmpty();
        assertThat(HostKey.parse("", "x")).isEmpty();
        assertThat(HostKey.parse("ssh-ed25519", "x")).isEmpty();
    }

    @Test
    void brokenBase64IsRefused() {
        assertThatThrownBy(() -> HostKey.parse("ssh-ed25519 not*base64 root@pg1", "VM pg1"))
                .isInstanceOf(VagrantException.class)
                .hasMessage("VM pg1: the ssh-ed25519 host key is not valid base64");
    }

    @Test
    void blobOfAnotherAlgorithmIsRefused() {
        String rsaBlob = Recorded.text("probe-pg1.txt").lines()
                .filter(l -> l.startsWith("ssh-rsa ")).findFirst().orElseThrow().split(" ")[1];

        assertThatThrownBy(() -> HostKey.parse("ssh-ed25519 " + rsaBlob, "VM pg1"))
                .hasMessage("VM pg1: the host key line says ssh-ed25519 but its blob holds ssh-rsa");
    }

    @Test
    void truncatedBlobIsRefused() {
        byte[] blob = ByteBuffer.allocate(6).putInt(40).put("ss".getBytes(StandardCharsets.US_ASCII)).array();

        assertThatThrownBy(() -> HostKey.parse("ssh-rsa " + Base64.getEncoder().encodeToString(blob), "VM pg2"))
                .hasMessage("VM pg2: the host key line says ssh-rsa but its blob holds no key type");
    }
}
