package io.pgha.facts;

/** A local group from {@code getent group}. */
public record GroupInfo(String name, int gid) {
}
