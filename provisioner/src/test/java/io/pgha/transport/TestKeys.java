package io.pgha.transport;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;

/** ed25519 keys made at test time, and the files a user would have for them. */
final class TestKeys {
    private TestKeys() {
    }

    static KeyPair ed25519() throws Exception {
        return KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
    }

    /** Writes the private key in OpenSSH format, encrypted when a passphrase is given. */
    static Path writePrivateKey(KeyPair key, Path file, String passphrase) throws Exception {
        OpenSSHKeyEncryptionContext encryption = null;
        if (passphrase != null) {
            encryption = new OpenSSHKeyEncryptionContext();
            encryption.setPassword(passphrase);
            encryption.setCipherName("AES");
            encryption.setCipherType("256");
            encryption.setCipherMode("CTR");
            encryption.setKdfRounds(2); // fast tests; real keys use the default
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(key, "pgha-test", encryption, out);
        }
        return file;
    }

    /** One known_hosts line for a server on 127.0.0.1. */
    static String knownHostsLine(int port, KeyPair hostKey) {
        return "[127.0.0.1]:" + port + " " + PublicKeyEntry.toString(hostKey.getPublic());
    }

    static String fingerprint(KeyPair key) {
        return KeyUtils.getFingerPrint(key.getPublic());
    }
}
