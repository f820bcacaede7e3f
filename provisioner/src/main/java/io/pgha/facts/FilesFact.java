package io.pgha.facts;

import io.pgha.transport.ExecResult;
import io.pgha.transport.ShellQuote;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Owner, group, mode and sha256 of one or more files in one round trip. The old content comes
 * back only when the host's digest differs from the expected one (so a converged host sends
 * no content) and the file is small enough to diff.
 */
public final class FilesFact implements Fact<List<FileState>> {
    /** Larger files are compared by digest only. */
    static final long MAX_CONTENT_BYTES = 1024 * 1024;

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
    public String command() {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            parts.add(Sections.marker("f" + i) + "; " + queryScript(queries.get(i)));
        }
        return String.join("; ", parts);
    }

    private static String queryScript(FileQuery q) {
        String p = ShellQuote.quote(q.path());
        String fetchIf = q.alwaysFetch() ? "true"
                : "[ \"$h\" != " + ShellQuote.quote(q.expectedSha256() == null ? "-" : q.expectedSha256()) + " ]";
        return "if [ -f " + p + " ]; then h=$(sha256sum < " + p + "); h=${h%% *}; "
                + "stat -L --printf 'file\\t%U\\t%G\\t%a\\t' -- " + p + "; echo \"$h\"; "
                + "if " + fetchIf + " && [ \"$(stat -L -c %s -- " + p + ")\" -le " + MAX_CONTENT_BYTES + " ]; "
                + "then printf 'content '; base64 -w0 < " + p + "; echo; fi; "
                + "elif [ -e " + p + " ]; then stat -L --printf 'other\\t%F\\n' -- " + p + "; "
                + "else echo absent; fi; [ -d " + ShellQuote.quote(parentOf(q.path())) + " ] || echo noparent";
    }

    /** The directory that holds {@code path} ("/" for top-level paths). */
    public static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    @Override
    public List<FileState> parse(ExecResult result) throws FactException {
        Map<String, String> sections = Sections.parse(result.stdout());
        List<FileState> states = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            String path = queries.get(i).path();
            String text = sections.get("f" + i);
            if (text == null || text.isBlank()) {
                throw new FactException("cannot read " + path + ": " + result.errorText());
            }
            states.add(parseOne(path, text.split("\n")));
        }
        return states;
    }

    private static FileState parseOne(String path, String[] lines) throws FactException {
        boolean parentExists = !List.of(lines).contains("noparent");
        String[] head = lines[0].split("\t", -1);
        switch (head[0]) {
            case "absent":
                return FileState.absent(path, parentExists);
            case "other":
                return new FileState(path, false, head.length > 1 ? head[1] : "unknown", null, null, 0, null, null,
                        parentExists);
            case "file":
                if (head.length != 5) {
                    throw new FactException("unexpected file fact output for " + path + ": " + lines[0]);
                }
                byte[] content = null;
                if (lines.length > 1 && lines[1].startsWith("content ")) {
                    try {
                        content = Base64.getDecoder().decode(lines[1].substring("content ".length()).strip());
                    } catch (IllegalArgumentException e) {
                        throw new FactException("unreadable content of " + path + ": " + e.getMessage());
                    }
                }
                return new FileState(path, true, null, head[1], head[2], Modes.parseOctal(head[3], path), head[4],
                        content, parentExists);
            default:
                throw new FactException("unexpected file fact output for " + path + ": " + lines[0]);
        }
    }
}
