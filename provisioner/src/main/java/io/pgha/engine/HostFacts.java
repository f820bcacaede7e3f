package io.pgha.engine;

import io.pgha.facts.FactException;
import io.pgha.transport.Transport;
import io.pgha.transport.TransportException;

import java.util.Map;

/**
 * Reads variables that describe a host (distribution, release, kernel...) once, when the run
 * first connects to it, like Ansible's fact gathering; roles use them in defaults such as
 * {@code "{{ ansible_distribution_release }}-pgdg"}. Only facts that cannot change during a run
 * belong here: modules read everything else as they plan (read ahead until a task changes a host).
 */
@FunctionalInterface
public interface HostFacts {

    /**
     * @param become read as root (the host's connection becomes root anyway; one shell per host answers faster)
     * @throws TransportException or FactException when the host cannot be read; the message says why
     */
    Map<String, Object> gather(Transport transport, boolean become) throws TransportException, FactException;

    static HostFacts none() {
        return (transport, become) -> Map.of();
    }
}
