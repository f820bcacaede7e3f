package io.pgha.facts;

import java.util.List;

/** A local account from {@code getent passwd}, with the names of all its groups. */
public record UserInfo(String name, int uid, int gid, String home, String shell, List<String> groups) {
    public UserInfo {
        groups = List.copyOf(groups);
    }
}
