package io.pgha.transport;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Process-wide SSH settings.
 *
 * @param knownHosts        known_hosts file checked for every host key (and written to with ACCEPT_NEW)
 * @param hostKeyPolicy     what to do with unknown hosts
 * @param connectTimeout    TCP connect + authentication deadline per host
 * @param heartbeatInterval keep-alive so long silent commands (apt-get) are not cut off
 */
public record SshSettings(Path knownHosts, HostKeyPolicy hostKeyPolicy, Duration connectTimeout,
                          Duration heartbeatInterval) {

    public static SshSettings strict(Path knownHosts) {
        return new SshSettings(knownHosts, HostKeyPolicy.STRICT, Duration.ofSeconds(15), Duration.ofSeconds(30));
    }
}
