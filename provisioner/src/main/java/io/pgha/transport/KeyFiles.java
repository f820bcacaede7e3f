package io.pgha.transport;

import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.util.io.resource.PathResource;
import org.apache.sshd.common.util.security.SecurityUtils;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Loads the one private key a host is reached with, failing with a message that names the file. */
final class KeyFiles {
    private KeyFiles() {
    }

    static List<KeyPair> load(ConnectionSpec spec) throws UnreachableException {
        Path file = spec.privateKeyFile();
        String who = spec.hostName() + ": ";
        if (file == null) {
            throw new UnreachableException(who + "no SSH private key file is configured for user " + spec.user()
                    + "; set one for this host in the inventory");
        }
        if (!Files.isRegularFile(file)) {
            throw new UnreachableException(who + "SSH private key file " + file + " does not exist");
        }
        if (!Files.isReadable(file)) {
            throw new UnreachableException(who + "SSH private key file " + file + " is not readable by this user");
        }
        // The passphrase is handed to MINA only; it never appears in a message.
        FilePasswordProvider passphrase = spec.passphrase() == null
                ? FilePasswordProvider.EMPTY : FilePasswordProvider.of(spec.passphrase());
        PathResource resource = new PathResource(file);
        try (InputStream in = resource.openInputStream()) {
            Collection<KeyPair> keys = toList(SecurityUtils.loadKeyPairIdentities(null, resource, in, passphrase));
            if (keys.isEmpty()) {
                throw new UnreachableException(who + "no private key found in " + file);
            }
            return List.copyOf(keys);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            String hint = spec.passphrase() == null
                    ? " (if it is encrypted, give its passphrase)" : " (wrong passphrase?)";
            throw new UnreachableException(who + "cannot read SSH private key " + file + ": "
                    + Reasons.oneLine(e) + hint, e);
        }
    }

    private static Collection<KeyPair> toList(Iterable<KeyPair> keys) {
        List<KeyPair> list = new ArrayList<>();
        if (keys != null) {
            keys.forEach(list::add);
        }
        return list;
    }
}
