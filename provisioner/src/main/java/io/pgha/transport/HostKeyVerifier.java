package io.pgha.transport;

import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * Strict host key checking against one known_hosts file, like OpenSSH's {@code StrictHostKeyChecking=yes}
 * (or {@code accept-new} with {@link HostKeyPolicy#ACCEPT_NEW}). A changed or revoked key is always refused.
 * Refusals are recorded in the attempt's {@link HostKeyCheck} so the caller can tell the user the
 * fingerprint and the fix, instead of MINA's bare "Server key did not validate".
 */
final class HostKeyVerifier extends KnownHostsServerKeyVerifier {
    private static final Logger LOG = LoggerFactory.getLogger(HostKeyVerifier.class);

    private final Path file;
    private final HostKeyPolicy policy;
    private final String acceptNewHint;

    HostKeyVerifier(Path file, HostKeyPolicy policy, String acceptNewHint) {
        // The delegate is only asked about unknown hosts: it accepts them only under ACCEPT_NEW.
        super((session, remote, key) -> policy == HostKeyPolicy.ACCEPT_NEW, file);
        this.file = file;
        this.policy = policy;
        this.acceptNewHint = acceptNewHint;
    }

    private static HostKeyCheck check(ClientSession session) {
        AttributeRepository context = session.getConnectionContext();
        HostKeyCheck check = context == null ? null : context.getAttribute(HostKeyCheck.KEY);
        if (check == null) {
            throw new IllegalStateException("session opened without a host key check context: " + session);
        }
        return check;
    }

    /** Match and record only the host's own name and port (never the local end of a jump tunnel). */
    @Override
    protected Collection<SshdSocketAddress> resolveHostNetworkIdentities(ClientSession session, SocketAddress remote) {
        return List.of(check(session).identity());
    }

    /**
     * Checks the key against this host's lines of known_hosts only, read afresh for each connection, and decodes
     * the keys of the type the server presented first (the others only when none of that type is known, so that
     * a key of another type is still refused as changed). MINA would decode every key of the file once per
     * client, and BouncyCastle tests each RSA modulus for primality while decoding: 16% of a converged run's CPU
     * with the lab's nine keys, seconds with a user's file of many hosts. The shared list MINA builds is
     * therefore left empty ({@link #getKnownHostSupplier}).
     */
    @Override
    protected boolean acceptKnownHostEntries(ClientSession session, SocketAddress remote, PublicKey serverKey,
                                             Collection<HostEntryPair> ignoredSharedEntries) {
        SshdSocketAddress host = check(session).identity();
        String type = KeyUtils.getKeyType(serverKey);
        List<HostEntryPair> own;
        try {
            List<KnownHostEntry> lines = Files.exists(file) ? KnownHostEntry.readKnownHostEntries(file) : List.of();
            own = decode(session, lines.stream().filter(line -> concerns(line, host) && type.equals(keyType(line))).toList());
            if (own.isEmpty()) {
                own = decode(session, lines.stream().filter(line -> concerns(line, host)).toList());
            }
        } catch (IOException e) {
            check(session).refuse("cannot read " + file + ": " + Reasons.oneLine(e));
            return false;
        }
        return super.acceptKnownHostEntries(session, remote, serverKey, own);
    }

    private List<HostEntryPair> decode(ClientSession session, List<KnownHostEntry> lines) {
        List<HostEntryPair> pairs = new ArrayList<>();
        for (KnownHostEntry line : lines) {
            try {
                PublicKey key = resolveHostKey(session, line, getFallbackPublicKeyEntryResolver());
                if (key != null) {
                    pairs.add(new HostEntryPair(line, key));
                }
            } catch (IOException | GeneralSecurityException | RuntimeException e) {
                // As OpenSSH: a line that cannot be read is skipped, not fatal.
                LOG.warn("{}: skipping unreadable line for {}: {}", file, line.getConfigLine(), Reasons.oneLine(e));
            }
        }
        return pairs;
    }

    private static String keyType(KnownHostEntry line) {
        return line.getKeyEntry() == null ? "" : line.getKeyEntry().getKeyType();
    }

    @Override
    protected Supplier<Collection<HostEntryPair>> getKnownHostSupplier(ClientSession session, Path path) {
        return List::of;
    }

    /** Whether a known_hosts line may hold a key of this host (its patterns or its hashed name match). */
    static boolean concerns(KnownHostEntry entry, SshdSocketAddress host) {
        return entry.isHostMatch(host.getHostName(), host.getPort());
    }

    @Override
    protected boolean acceptUnknownHostKey(ClientSession session, SocketAddress remote, PublicKey key) {
        HostKeyCheck check = check(session);
        if (policy != HostKeyPolicy.ACCEPT_NEW) {
            check.refuse(unknownMessage(check, key));
            return false;
        }
        try {
            createPrivately(file);
        } catch (IOException e) {
            check.refuse("cannot record the host key of " + check.hostName() + " in " + file + ": " + Reasons.oneLine(e));
            return false;
        }
        boolean accepted = super.acceptUnknownHostKey(session, remote, key) && check.refusal() == null;
        if (accepted) {
            LOG.warn("Permanently added {} ({} {}) to {}", check.knownHostsName(), KeyUtils.getKeyType(key),
                    KeyUtils.getFingerPrint(key), file);
        }
        return accepted;
    }

    @Override
    protected void handleKnownHostsFileUpdateFailure(ClientSession session, SocketAddress remote, PublicKey key,
                                                     Path path, Collection<HostEntryPair> known, Throwable reason) {
        // MINA would only warn and go on; a key we could not record is refused (see acceptUnknownHostKey).
        check(session).refuse("cannot record the host key of " + check(session).hostName() + " in " + path + ": "
                + Reasons.oneLine(reason));
    }

    @Override
    public boolean acceptModifiedServerKey(ClientSession session, SocketAddress remote, KnownHostEntry entry,
                                           PublicKey expected, PublicKey actual) {
        HostKeyCheck check = check(session);
        check.refuse("HOST KEY CHANGED for " + check.hostName() + " (" + check.knownHostsName() + "): known_hosts "
                + file + " has " + KeyUtils.getKeyType(expected) + " " + KeyUtils.getFingerPrint(expected)
                + " but the server presented " + KeyUtils.getKeyType(actual) + " " + KeyUtils.getFingerPrint(actual)
                + ". This can be a man-in-the-middle attack, or the host was reinstalled. Verify the new fingerprint"
                + " out of band, then remove the old entry with `ssh-keygen -R '" + check.knownHostsName() + "' -f "
                + file + "` and connect again");
        return false;
    }

    @Override
    protected void handleRevokedKey(ClientSession session, SocketAddress remote, PublicKey key) {
        HostKeyCheck check = check(session);
        check.refuse("the host key of " + check.hostName() + " (" + KeyUtils.getKeyType(key) + " "
                + KeyUtils.getFingerPrint(key) + ") is marked @revoked in " + file);
    }

    private String unknownMessage(HostKeyCheck check, PublicKey key) {
        SshdSocketAddress id = check.identity();
        return "unknown host key for " + check.hostName() + " (" + check.knownHostsName() + "): "
                + KeyUtils.getKeyType(key) + " " + KeyUtils.getFingerPrint(key) + " is not in " + file
                + ". Verify this fingerprint out of band (on the host: `ssh-keygen -lf /etc/ssh/ssh_host_"
                + shortType(key) + "_key.pub`), then add it with `ssh-keyscan -p " + id.getPort() + " "
                + id.getHostName() + " >> " + file + "`, or " + acceptNewHint;
    }

    private static String shortType(PublicKey key) {
        String type = KeyUtils.getKeyType(key);
        if (type.startsWith("ssh-ed25519")) {
            return "ed25519";
        }
        if (type.startsWith("ecdsa")) {
            return "ecdsa";
        }
        return "rsa";
    }

    /** Creates known_hosts (0600) and its missing parent directories (0700) if absent. */
    static void createPrivately(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            // fine: we append to it
        }
    }
}
