package io.pgha.engine;

import io.pgha.facts.FactException;
import io.pgha.transport.Transport;
import io.pgha.transport.TransportException;

import java.util.Map;

/**
 * Reads variables that describe a host (distribution, release, kernel...) once, when the run
 * first connects to it, like Ansible's fact gathering; roles use them in defaults such as
 * {@code "{{ ansible_distribution_release }}-pgdg"}. Only facts that cannot change during a run
 * belong here: modules read everything else fresh, just before they need it.
 */
@FunctionalInterface
public interface HostFacts {

    /** @throws TransportException or FactException when the host cannot be read; the message says why */
    Map<String, Object> gather(Transport transport) throws TransportException, FactException;

    static HostFacts none() {
        return transport -> Map.of();
    }
}
