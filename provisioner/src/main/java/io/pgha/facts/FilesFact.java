package io.pgha.facts;

import io.pgha.transport.ExecResult;
import io.pgha.transport.ShellQuote;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Owner, group, mode, modification time and sha256 of one or more files, with one {@code stat} and one {@code sha256sum} for all of
 * them (a host starts a process in milliseconds; a converged host's re-run is mostly that). The old content comes
 * back only when the host's digest differs from the expected one (so a converged host sends no content) and the
 * file is small enough to diff. Facts of this kind merge: the read-ahead reads every file a host's tasks ask about
 * in one command.
 */
public final class FilesFact implements MergeableFact<List<FileState>> {
    /** Larger files are compared by digest only. */
    static final long MAX_CONTENT_BYTES = 1024 * 1024;
    private static final Set<String> REGULAR = Set.of("regular file", "regular empty file");
    private static final Merger MERGER = facts -> {
        List<FilesFact> files = facts.stream().map(FilesFact.class::cast).toList();
        FilesFact all = new FilesFact(files.stream().flatMap(f -> f.queries.stream()).toList());
        return new MergedFact(all.command(), result -> {
            List<FileState> states = all.parse(result);
            List<Object> values = new ArrayList<>();
            int at = 0;
            for (FilesFact f : files) {
                values.add(List.copyOf(states.subList(at, at + f.queries.size())));
                at += f.queries.size();
            }
            return values;
        });
    };

    private final List<FileQuery> queries;

    public FilesFact(List<FileQuery> queries) {
        if (queries.isEmpty()) {
            throw new IllegalArgumentException("no files to query");
        }
        this.queries = List.copyOf(queries);
    }

    public FilesFact(FileQuery query) {
        this(List.of(query));
    }

    @Override
    public Merger merger() {
        return MERGER;
    }

    /**
     * Four sections: {@code paths}, a line per file from the shell's own tests ({@code e}xists or {@code a}bsent,
     * then {@code n} when its directory is missing); {@code stat}, a line per existing path; {@code sha}, a line per
     * regular file; {@code cN}, the content of file N when it is to be fetched.
     */
    @Override
    public String command() {
        StringBuilder script = new StringBuilder(Sections.marker("paths")).append("; set --");
        for (FileQuery q : queries) {
            String p = ShellQuote.quote(q.path());
            script.append("; if [ -e ").append(p).append(" ]; then pgha_x=e; set -- \"$@\" ").append(p)
                    .append("; else pgha_x=a; fi; [ -d ").append(ShellQuote.quote(parentOf(q.path())))
                    .append(" ] || pgha_x=${pgha_x}n; echo $pgha_x");
        }
        script.append("; ").append(Sections.marker("stat"))
                .append("; [ $# -eq 0 ] || stat -L --printf '%F\\t%U\\t%G\\t%a\\t%Y\\n' -- \"$@\"; set --");
        for (FileQuery q : queries) {
            String p = ShellQuote.quote(q.path());
            script.append("; [ ! -f ").append(p).append(" ] || set -- \"$@\" ").append(p);
        }
        script.append("; ").append(Sections.marker("sha"))
                .append("; pgha_h=; [ $# -eq 0 ] || { pgha_h=$(sha256sum -- \"$@\"); printf '%s\\n' \"$pgha_h\"; }")
                .append("; pgha_nl='\n'");
        for (int i = 0; i < queries.size(); i++) {
            FileQuery q = queries.get(i);
            String p = ShellQuote.quote(q.path());
            String fetch = "[ ! -f " + p + " ] || { " + Sections.marker("c" + i) + "; head -c " + (MAX_CONTENT_BYTES + 1)
                    + " -- " + p + " | base64 -w0; echo; }";
            if (q.alwaysFetch()) {
                script.append("; ").append(fetch);
            } else if (q.expectedSha256() != null) {
                // sha256sum's line for this file with the expected digest: nothing to fetch.
                script.append("; case \"$pgha_nl$pgha_h$pgha_nl\" in *\"$pgha_nl\"")
                        .append(ShellQuote.quote(q.expectedSha256() + "  " + q.path())).append("\"$pgha_nl\"*) ;; *) ")
                        .append(fetch).append(";; esac");
            }
        }
        return script.append("; true").toString();
    }

    /** The directory that holds {@code path} ("/" for top-level paths). */
    public static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    @Override
    public List<FileState> parse(ExecResult result) throws FactException {
        Map<String, String> sections = Sections.parse(result.stdout());
        List<String> kinds = Sections.lines(sections.get("paths"));
        if (kinds.size() != queries.size()) {
            throw unreadable(result);
        }
        Iterator<String> stats = Sections.lines(sections.get("stat")).iterator();
        Iterator<String> digests = Sections.lines(sections.get("sha")).iterator();
        List<FileState> states = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            String path = queries.get(i).path();
            boolean parentExists = !kinds.get(i).endsWith("n");
            if (!kinds.get(i).startsWith("e")) {
                states.add(FileState.absent(path, parentExists));
                continue;
            }
            if (!stats.hasNext()) {
                throw unreadable(result);
            }
            String[] f = stats.next().split("\t", -1);
            if (f.length != 5) {
                throw new FactException("unexpected stat output for " + path + ": " + String.join("\t", f));
            }
            if (!REGULAR.contains(f[0])) {
                states.add(new FileState(path, false, f[0], null, null, 0, 0, null, null, parentExists));
                continue;
            }
            if (!digests.hasNext()) {
                throw unreadable(result);
            }
            states.add(new FileState(path, true, null, f[1], f[2], Modes.parseOctal(f[3], path), modified(f[4], path),
                    digest(digests.next(), path),
                    content(sections.get("c" + i), path), parentExists));
        }
        if (stats.hasNext() || digests.hasNext()) {
            throw unreadable(result); // a path changed type between the shell's tests and stat: ask again
        }
        return states;
    }

    private FactException unreadable(ExecResult result) {
        return new FactException("cannot read " + queries.stream().map(FileQuery::path).collect(Collectors.joining(", "))
                + ": " + result.errorText());
    }

    private static long modified(String seconds, String path) throws FactException {
        try {
            return Long.parseLong(seconds.strip());
        } catch (NumberFormatException e) {
            throw new FactException("unexpected modification time of " + path + ": " + seconds);
        }
    }

    /** sha256sum's line: the digest, two spaces, the path (a leading backslash when it escaped the path). */
    private static String digest(String line, String path) throws FactException {
        String hex = line.startsWith("\\") ? line.substring(1) : line;
        if (hex.length() < 64) {
            throw new FactException("unexpected sha256sum output for " + path + ": " + line);
        }
        return hex.substring(0, 64);
    }

    /** The fetched content, or null when none was fetched or the file is too large to diff. */
    private static byte[] content(String base64, String path) throws FactException {
        if (base64 == null) {
            return null;
        }
        try {
            byte[] content = Base64.getDecoder().decode(base64.strip());
            return content.length > MAX_CONTENT_BYTES ? null : content;
        } catch (IllegalArgumentException e) {
            throw new FactException("unreadable content of " + path + ": " + e.getMessage());
        }
    }
}
