package io.pgha.transport;

import org.apache.sshd.common.kex.KeyExchangeFactory;

import java.util.Comparator;
import java.util.List;

/**
 * Key exchange preference: ML-KEM hybrid first (OpenSSH 10's default), then MINA's own order, which starts
 * with sntrup761. Both are post-quantum hybrids; ML-KEM's keys cost a fraction of sntrup761's in Java
 * (sntrup761's key generation was ~10% of a no-change run's JVM samples), and servers without it (OpenSSH
 * before 9.9) still get sntrup761.
 */
final class PostQuantumKexFirst {
    static final String PREFERRED = "mlkem768x25519-sha256";

    private PostQuantumKexFirst() {
    }

    static List<KeyExchangeFactory> order(List<KeyExchangeFactory> factories) {
        // A stable sort: the preferred one first, the others in MINA's order.
        return factories.stream().sorted(Comparator.comparing(f -> !f.getName().equals(PREFERRED))).toList();
    }
}
