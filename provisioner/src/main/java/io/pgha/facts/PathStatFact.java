package io.pgha.facts;

import io.pgha.transport.ExecResult;
import io.pgha.transport.ShellQuote;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Type, owner, group and mode of one path (empty when it does not exist). Links are not followed. Facts of this
 * kind merge: the read-ahead asks one {@code stat} for every path a host's tasks name.
 */
public final class PathStatFact implements MergeableFact<Optional<PathStat>> {
    private static final Merger MERGER = facts -> {
        List<String> paths = facts.stream().map(f -> ((PathStatFact) f).path).toList();
        return new MergedFact(command(paths), result -> new ArrayList<>(parse(paths, result)));
    };

    private final String path;

    public PathStatFact(String path) {
        this.path = path;
    }

    @Override
    public Merger merger() {
        return MERGER;
    }

    @Override
    public String command() {
        return command(List.of(path));
    }

    /**
     * Three sections: {@code paths}, a line per path from the shell's own tests ({@code e}xists or {@code a}bsent);
     * {@code stat}, a line per existing path; {@code links}, where each existing link points, a line each.
     */
    private static String command(List<String> paths) {
        StringBuilder script = new StringBuilder(Sections.marker("paths")).append("; set --");
        for (String path : paths) {
            String p = ShellQuote.quote(path);
            script.append("; if [ -e ").append(p).append(" ] || [ -L ").append(p).append(" ]; then echo e; set -- \"$@\" ")
                    .append(p).append("; else echo a; fi");
        }
        script.append("; ").append(Sections.marker("stat"))
                .append("; [ $# -eq 0 ] || stat --printf '%F\\t%U\\t%G\\t%a\\n' -- \"$@\" && ")
                .append(Sections.marker("links"));
        for (String path : paths) {
            String p = ShellQuote.quote(path);
            script.append("; [ ! -L ").append(p).append(" ] || readlink -- ").append(p).append(" || echo");
        }
        return script.toString();
    }

    @Override
    public Optional<PathStat> parse(ExecResult result) throws FactException {
        return parse(List.of(path), result).get(0);
    }

    private static List<Optional<PathStat>> parse(List<String> paths, ExecResult result) throws FactException {
        Map<String, String> sections = Sections.parse(result.stdout());
        List<String> kinds = Sections.lines(sections.get("paths"));
        if (kinds.size() != paths.size() || !sections.containsKey("links")) {
            throw new FactException("cannot stat " + String.join(", ", paths) + ": " + result.errorText());
        }
        Iterator<String> stats = Sections.lines(sections.get("stat")).iterator();
        Iterator<String> targets = Sections.lines(sections.get("links")).iterator();
        List<Optional<PathStat>> found = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            String path = paths.get(i);
            if (!kinds.get(i).equals("e")) {
                found.add(Optional.empty());
                continue;
            }
            String line = stats.hasNext() ? stats.next() : "";
            String[] f = line.split("\t");
            if (f.length != 4) {
                throw new FactException("unexpected stat output for " + path + ": " + line);
            }
            PathType type = PathType.fromStat(f[0]);
            String target = null;
            if (type == PathType.LINK) {
                target = targets.hasNext() ? targets.next() : "";
                target = target.isEmpty() ? null : target;
            }
            found.add(Optional.of(new PathStat(type, f[1], f[2], Modes.parseOctal(f[3], path), target)));
        }
        if (stats.hasNext()) {
            throw new FactException("cannot stat " + String.join(", ", paths) + ": a path changed while it was read");
        }
        return found;
    }
}
