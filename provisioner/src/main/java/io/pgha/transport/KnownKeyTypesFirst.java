package io.pgha.transport;

import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.common.signature.Signature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Asks each host for a host key type that known_hosts already has for it, as OpenSSH does. Without this,
 * MINA prefers ECDSA: a host recorded with its ed25519 key (OpenSSH's first choice, and what most
 * known_hosts files hold) would present an ECDSA key and look like a changed key.
 * Among the known types, ed25519 comes first, as in OpenSSH: it is also by far the cheapest to check here
 * (BouncyCastle tests the curve prime of every ECDSA key it parses, which costs a second of CPU in a cold JVM).
 * Runs when the session is created, before the client sends its key exchange proposal.
 */
final class KnownKeyTypesFirst implements SessionListener {
    private final Path knownHosts;

    KnownKeyTypesFirst(Path knownHosts) {
        this.knownHosts = knownHosts;
    }

    @Override
    public void sessionCreated(Session session) {
        if (!(session instanceof ClientSession client)) {
            return;
        }
        AttributeRepository context = client.getConnectionContext();
        HostKeyCheck check = context == null ? null : context.getAttribute(HostKeyCheck.KEY);
        Set<String> known = check == null ? Set.of() : knownKeyTypes(check);
        if (known.isEmpty()) {
            return;
        }
        List<NamedFactory<Signature>> preferred = new ArrayList<>();
        List<NamedFactory<Signature>> others = new ArrayList<>();
        for (NamedFactory<Signature> factory : client.getSignatureFactories()) {
            (known.contains(KeyUtils.getCanonicalKeyType(factory.getName())) ? preferred : others).add(factory);
        }
        preferred.sort(Comparator.comparing(f -> !KeyPairProvider.SSH_ED25519.equals(f.getName())));
        preferred.addAll(others);
        client.setSignatureFactories(preferred);
    }

    private Set<String> knownKeyTypes(HostKeyCheck check) {
        if (!Files.isReadable(knownHosts)) {
            return Set.of();
        }
        try {
            return KnownHostEntry.readKnownHostEntries(knownHosts).stream()
                    .filter(e -> e.getMarker() == null)
                    .filter(e -> e.isHostMatch(check.identity().getHostName(), check.identity().getPort()))
                    .map(e -> e.getKeyEntry().getKeyType())
                    .collect(Collectors.toSet());
        } catch (IOException | RuntimeException e) {
            // The verifier reads the file again and reports what is wrong with it.
            return Set.of();
        }
    }
}
