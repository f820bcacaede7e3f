package io.pgha.engine;

/** The outcome of one task on one host, as Ansible users know them. */
public enum TaskStatus {
    OK, CHANGED, FAILED, SKIPPED, UNREACHABLE;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
