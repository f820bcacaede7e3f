package io.pgha.facts;

import io.pgha.transport.ExecResult;
import io.pgha.transport.ShellQuote;

import java.util.Optional;

/** Type, owner, group and mode of one path (empty when it does not exist). Links are not followed. */
public final class PathStatFact implements Fact<Optional<PathStat>> {
    private final String path;

    public PathStatFact(String path) {
        this.path = path;
    }

    @Override
    public String command() {
        String p = ShellQuote.quote(path);
        return "if [ -e " + p + " ] || [ -L " + p + " ]; then stat --printf '%F\\t%U\\t%G\\t%a\\n' -- " + p
                + " && { [ ! -L " + p + " ] || readlink -- " + p + " || true; }; else echo absent; fi";
    }

    @Override
    public Optional<PathStat> parse(ExecResult result) throws FactException {
        String[] lines = result.stdout().split("\n");
        if (!result.ok() || lines.length == 0 || lines[0].isBlank()) {
            throw new FactException("cannot stat " + path + ": " + result.errorText());
        }
        if (lines[0].equals("absent")) {
            return Optional.empty();
        }
        String[] f = lines[0].split("\t");
        if (f.length != 4) {
            throw new FactException("unexpected stat output for " + path + ": " + lines[0]);
        }
        PathType type = PathType.fromStat(f[0]);
        String target = type == PathType.LINK && lines.length > 1 ? lines[1] : null;
        return Optional.of(new PathStat(type, f[1], f[2], Modes.parseOctal(f[3], path), target));
    }
}
