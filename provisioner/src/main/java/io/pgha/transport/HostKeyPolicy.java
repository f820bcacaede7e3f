package io.pgha.transport;

/** What to do with a host key that is not in known_hosts. A changed key is always refused. */
public enum HostKeyPolicy {
    /** Refuse unknown hosts (the default, like OpenSSH's StrictHostKeyChecking=yes). */
    STRICT,
    /** Accept an unknown host's key and record it (OpenSSH's accept-new); still refuse a changed key. */
    ACCEPT_NEW
}
