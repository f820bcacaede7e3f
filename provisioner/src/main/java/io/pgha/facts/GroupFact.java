package io.pgha.facts;

import io.pgha.transport.ExecResult;
import io.pgha.transport.ShellQuote;

import java.util.Optional;

/** One group's entry (empty when there is no such group). */
public final class GroupFact implements Fact<Optional<GroupInfo>> {
    /** getent's exit code for "key not found". */
    private static final int NOT_FOUND = 2;

    private final String name;

    public GroupFact(String name) {
        this.name = name;
    }

    @Override
    public String command() {
        return "getent group " + ShellQuote.quote(name);
    }

    @Override
    public boolean needsRoot() {
        return false;
    }

    @Override
    public Optional<GroupInfo> parse(ExecResult result) throws FactException {
        if (result.exitCode() == NOT_FOUND) {
            return Optional.empty();
        }
        String line = result.stdout().strip();
        String[] f = line.split(":", -1);
        if (!result.ok() || f.length != 4) {
            throw new FactException("cannot look up group " + name + ": " + result.errorText());
        }
        try {
            return Optional.of(new GroupInfo(f[0], Integer.parseInt(f[2])));
        } catch (NumberFormatException e) {
            throw new FactException("unexpected group entry for " + name + ": " + line);
        }
    }
}
