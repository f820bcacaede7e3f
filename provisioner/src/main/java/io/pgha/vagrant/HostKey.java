package io.pgha.vagrant;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * One SSH host public key as found in {@code /etc/ssh/ssh_host_*_key.pub} ({@code type base64 [comment]}).
 *
 * @param type   the key algorithm, e.g. {@code ssh-ed25519}
 * @param base64 the key blob, base64 as in known_hosts
 */
public record HostKey(String type, String base64) {
    private static final Set<String> TYPES = Set.of("ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256",
            "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521");

    /**
     * Reads a public-key line. Lines that do not start with a key type are not keys (empty Optional); a line
     * that starts with one but whose blob is broken or names another algorithm is an error, so a garbled key
     * never reaches known_hosts.
     */
    public static Optional<HostKey> parse(String line, String where) {
        String[] words = line.strip().split("\\s+");
        if (words.length < 2 || !TYPES.contains(words[0])) {
            return Optional.empty();
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(words[1]);
        } catch (IllegalArgumentException e) {
            throw new VagrantException(where + ": the " + words[0] + " host key is not valid base64");
        }
        String inner = blobType(blob);
        if (!words[0].equals(inner)) {
            throw new VagrantException(where + ": the host key line says " + words[0] + " but its blob holds "
                    + (inner == null ? "no key type" : inner));
        }
        return Optional.of(new HostKey(words[0], words[1]));
    }

    /** The algorithm name an SSH public-key blob starts with (a uint32 length and that many ASCII bytes). */
    private static String blobType(byte[] blob) {
        if (blob.length < 4) {
            return null;
        }
        int len = ByteBuffer.wrap(blob, 0, 4).getInt();
        if (len <= 0 || len > 64 || blob.length < 4 + len) {
            return null;
        }
        return new String(blob, 4, len, StandardCharsets.US_ASCII);
    }
}
