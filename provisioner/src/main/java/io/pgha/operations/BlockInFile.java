package io.pgha.operations;

import io.pgha.facts.FileQuery;
import io.pgha.facts.FileState;
import io.pgha.facts.FilesFact;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code blockinfile}: one block of lines between two marker lines in a file that pgha does not
 * otherwise own (/etc/hosts, limits). The rest of the file is left as it is; a new block goes at
 * the end.
 */
final class BlockInFile implements Operation {
    static final String DEFAULT_MARKER = "# {mark} pgha managed block";
    private static final Set<String> ALLOWED = FileSpec.allowedWith("path", "block", "marker", "state", "create");

    @Override
    public String name() {
        return "blockinfile";
    }

    @Override
    public Plan plan(OperationContext ctx, Map<String, Object> rawArgs) throws OperationException {
        Args args = Args.of(name(), rawArgs, ALLOWED);
        FileSpec spec = FileSpec.from(args, "path");
        boolean present = args.oneOf("state", "present", "present", "absent").equals("present");
        String marker = args.string("marker", DEFAULT_MARKER);
        if (!marker.contains("{mark}") || marker.contains("\n")) {
            throw args.error("marker", "must be one line containing {mark} (got '" + marker + "')");
        }
        String block = args.string("block", "");
        if (present && !args.has("block")) {
            throw args.error("block", "is required (the lines to keep between the markers)");
        }
        boolean create = args.bool("create", true);

        FileState state = ctx.fact(new FilesFact(FileQuery.fetch(spec.path()))).get(0);
        if (!state.exists() && state.otherType() == null) {
            if (!present) {
                return Plan.noChange(spec.path() + " does not exist, so it has no block");
            }
            if (!create) {
                throw new OperationException(spec.path() + " does not exist (set create: true to create it)");
            }
        }
        if (state.exists() && state.content() == null) {
            throw new OperationException(spec.path() + " is too large to edit in place");
        }
        String old = state.exists() ? new String(state.content(), StandardCharsets.UTF_8) : "";
        String updated = edit(old, marker.replace("{mark}", "BEGIN"), marker.replace("{mark}", "END"),
                present ? block : null);
        byte[] content = updated.getBytes(StandardCharsets.UTF_8);
        return ManagedFiles.plan(new DesiredFile(spec, content), state, ctx.become()).toPlan();
    }

    /** The text with the block between the markers replaced (or removed when {@code block} is null). */
    static String edit(String text, String begin, String end, String block) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        int from = indexOf(lines, begin, 0);
        int to = from < 0 ? -1 : indexOf(lines, end, from + 1);
        List<String> wanted = new ArrayList<>();
        if (block != null) {
            wanted.add(begin);
            if (!block.isEmpty()) {
                String body = block.endsWith("\n") ? block.substring(0, block.length() - 1) : block;
                wanted.addAll(List.of(body.split("\n", -1)));
            }
            wanted.add(end);
        }
        if (from >= 0 && to >= 0) {
            lines.subList(from, to + 1).clear();
            lines.addAll(from, wanted);
        } else {
            lines.addAll(wanted);
        }
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }

    private static int indexOf(List<String> lines, String marker, int start) {
        for (int i = start; i < lines.size(); i++) {
            if (lines.get(i).stripTrailing().equals(marker)) {
                return i;
            }
        }
        return -1;
    }
}
