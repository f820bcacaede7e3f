package io.pgha.facts;

import io.pgha.transport.ExecResult;
import io.pgha.transport.ShellQuote;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One user's passwd entry and group names (empty when there is no such user). */
public final class UserFact implements Fact<Optional<UserInfo>> {
    private final String name;

    public UserFact(String name) {
        this.name = name;
    }

    @Override
    public String command() {
        String n = ShellQuote.quote(name);
        return Sections.marker("passwd") + "; getent passwd " + n + "; " + Sections.marker("groups")
                + "; id -nG " + n + " 2>/dev/null; true";
    }

    @Override
    public boolean needsRoot() {
        return false;
    }

    @Override
    public Optional<UserInfo> parse(ExecResult result) throws FactException {
        Map<String, String> sections = Sections.parse(result.stdout());
        String passwd = sections.getOrDefault("passwd", "").strip();
        if (!sections.containsKey("groups")) {
            throw new FactException("cannot look up user " + name + ": " + result.errorText());
        }
        if (passwd.isEmpty()) {
            return Optional.empty();
        }
        String[] f = passwd.split(":", -1);
        if (f.length != 7) {
            throw new FactException("unexpected passwd entry for " + name + ": " + passwd);
        }
        String groups = sections.get("groups").strip();
        try {
            return Optional.of(new UserInfo(f[0], Integer.parseInt(f[2]), Integer.parseInt(f[3]), f[5], f[6],
                    groups.isEmpty() ? List.of() : List.of(groups.split("\\s+"))));
        } catch (NumberFormatException e) {
            throw new FactException("unexpected passwd entry for " + name + ": " + passwd);
        }
    }
}
