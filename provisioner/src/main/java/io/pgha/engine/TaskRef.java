package io.pgha.engine;

/** Identifies a task in events: its role (null for pgha's own steps), its name and where it is written. */
public record TaskRef(String role, String name, String source) {

    /** The name {@code if_changed} uses across roles: {@code role/task}. */
    public String qualifiedName() {
        return role + "/" + name;
    }
}
