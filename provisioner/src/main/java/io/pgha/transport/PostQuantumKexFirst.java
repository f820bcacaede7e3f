package io.pgha.transport;

import org.apache.sshd.common.kex.KeyExchangeFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Key exchange preference: ML-KEM hybrid first (OpenSSH 10's default), then MINA's own order, which starts
 * with sntrup761. Both are post-quantum hybrids; ML-KEM's keys cost a fraction of sntrup761's in Java (a
 * tenth of a second of CPU per connection here), and servers without it (OpenSSH before 9.9) still get
 * sntrup761.
 */
final class PostQuantumKexFirst {
    static final String PREFERRED = "mlkem768x25519-sha256";

    private PostQuantumKexFirst() {
    }

    static List<KeyExchangeFactory> order(List<KeyExchangeFactory> factories) {
        List<KeyExchangeFactory> ordered = new ArrayList<>();
        factories.stream().filter(f -> f.getName().equals(PREFERRED)).forEach(ordered::add);
        factories.stream().filter(f -> !f.getName().equals(PREFERRED)).forEach(ordered::add);
        return ordered;
    }
}
