package io.pgha.operations;

import io.pgha.facts.FileQuery;
import io.pgha.facts.FileState;
import io.pgha.facts.FilesFact;
import io.pgha.facts.SysctlFact;
import io.pgha.facts.SysctlState;
import io.pgha.transport.ShellQuote;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code sysctl}: a kernel parameter persisted in a sysctl.d file and applied now. Inside a
 * container, a key the kernel does not let the container set is reported as a warning (the
 * host decides it), not a failure: the value is still persisted for when it runs on a VM.
 */
final class Sysctl implements Operation {
    static final String DEFAULT_FILE = "/etc/sysctl.d/90-pgha.conf";
    private static final Set<String> ALLOWED = Set.of("name", "value", "file");
    private static final Pattern KEY = Pattern.compile("[a-z0-9_]+(\\.[A-Za-z0-9_-]+)+");

    @Override
    public String name() {
        return "sysctl";
    }

    @Override
    public Plan plan(OperationContext ctx, Map<String, Object> rawArgs) throws OperationException {
        Args args = Args.of(name(), rawArgs, ALLOWED);
        String key = args.string("name");
        if (!KEY.matcher(key).matches()) {
            throw args.error("name", "must be a dotted sysctl key such as vm.swappiness (got '" + key + "')");
        }
        String value = SysctlFact.normalise(args.string("value"));
        if (value.contains("\n") || value.contains("#")) {
            throw args.error("value", "must be one line without '#' (got '" + value + "')");
        }
        String file = args.has("file") ? args.path("file") : DEFAULT_FILE;

        SysctlFact live = new SysctlFact(key);
        // The same command for every key persisted in this file: a loop's items are answered by one read.
        FilesFact persistedFact = new FilesFact(FileQuery.fetch(file));
        ctx.prefetch(List.of(live, persistedFact));
        SysctlState state = ctx.fact(live);
        if (state.current() == null) {
            throw new OperationException("the kernel has no parameter " + key + " (misspelt, or its module not loaded?)");
        }
        FileState persistedFile = ctx.fact(persistedFact).get(0);
        String old = persistedFile.content() == null ? "" : new String(persistedFile.content(), StandardCharsets.UTF_8);
        String persisted = persist(old, key, value);
        FileChange fileChange = ManagedFiles.plan(new DesiredFile(FileSpec.plain(file, 0644),
                persisted.getBytes(StandardCharsets.UTF_8)), persistedFile, ctx.become());

        List<Action> actions = new ArrayList<>(fileChange.actions());
        List<String> what = new ArrayList<>();
        if (fileChange.changes()) {
            what.add("persist " + key + " = " + value + " in " + file);
        }
        String warning = null;
        if (!state.current().equals(value)) {
            // Only a key that cannot be written may be the host's to decide (the fact names the container then).
            Optional<String> container = state.container();
            if (container.isPresent()) {
                warning = "warning: " + key + " cannot be set inside this container (" + container.get()
                        + "); it stays " + state.current() + " as the host decides";
            } else {
                actions.add(new Action.Exec("sysctl -q -w " + ShellQuote.quote(key + "=" + value)));
                what.add("set " + key + " from " + state.current() + " to " + value);
            }
        }
        if (actions.isEmpty()) {
            String ok = key + " is already " + value;
            return Plan.noChange(warning == null ? ok : key + " is persisted; " + warning);
        }
        String message = String.join(", ", what) + (warning == null ? "" : "; " + warning);
        return Plan.change(message, actions).withDiff(fileChange.diff());
    }

    /** The file's text with {@code key = value} replacing the key's line, or appended. */
    static String persist(String text, String key, String value) {
        Pattern line = Pattern.compile("\\s*-?" + Pattern.quote(key) + "\\s*=.*");
        List<String> lines = new ArrayList<>(text.isEmpty() ? List.of() : List.of(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        String wanted = key + " = " + value;
        boolean replaced = false;
        for (int i = 0; i < lines.size(); i++) {
            if (line.matcher(lines.get(i)).matches()) {
                if (replaced) {
                    lines.remove(i--);
                } else {
                    lines.set(i, wanted);
                    replaced = true;
                }
            }
        }
        if (!replaced) {
            lines.add(wanted);
        }
        return String.join("\n", lines) + "\n";
    }
}
