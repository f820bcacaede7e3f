package io.pgha.facts;

import io.pgha.transport.ExecResult;
import io.pgha.transport.ShellQuote;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Live value of one sysctl key, whether it can be written and, for a key that cannot, whether a container keeps it
 * read-only (asked in the same command, only then). The persisted file ({@link FilesFact}) is a fact of its own:
 * the same command for every key, so a batch runs it once. Facts of this kind merge: the read-ahead asks one
 * {@code sysctl} for every key a host's tasks set.
 */
public final class SysctlFact implements MergeableFact<SysctlState> {
    private static final Merger MERGER = facts -> {
        List<String> keys = facts.stream().map(f -> ((SysctlFact) f).key).toList();
        return new MergedFact(command(keys), result -> new ArrayList<>(parse(keys, result)));
    };

    private final String key;

    public SysctlFact(String key) {
        this.key = key;
    }

    /** /proc/sys path of a dotted key. */
    public static String procPath(String key) {
        return "/proc/sys/" + key.replace('.', '/');
    }

    @Override
    public Merger merger() {
        return MERGER;
    }

    @Override
    public String command() {
        return command(List.of(key));
    }

    /**
     * Two sections: {@code values}, sysctl's {@code name = value} lines (a key the kernel lacks prints none), and
     * {@code writable}, a line per key from the shell's builtin test; a third, {@code container}, only when a key
     * cannot be written: the container's manager ({@link Virtualization}; "none" outside a container, nothing
     * without systemd). The values need sysctl: the shell's {@code read} reads /proc/sys byte by byte, and an integer key
     * answers a read at an offset with end-of-file.
     */
    private static String command(List<String> keys) {
        StringBuilder script = new StringBuilder(Sections.marker("values")).append("; sysctl -- ")
                .append(ShellQuote.join(keys)).append(" 2>/dev/null; ").append(Sections.marker("writable"))
                .append("; pgha_ro=");
        for (String key : keys) {
            script.append("; if [ -w ").append(ShellQuote.quote(procPath(key)))
                    .append(" ]; then echo yes; else echo no; pgha_ro=1; fi");
        }
        return script.append("; [ -z \"$pgha_ro\" ] || { ").append(Sections.marker("container"))
                .append("; ").append(Virtualization.detect("--container")).append("; }; true").toString();
    }

    @Override
    public SysctlState parse(ExecResult result) throws FactException {
        return parse(List.of(key), result).get(0);
    }

    private static List<SysctlState> parse(List<String> keys, ExecResult result) throws FactException {
        Map<String, String> sections = Sections.parse(result.stdout());
        List<String> writable = Sections.lines(sections.get("writable"));
        if (!sections.containsKey("values") || writable.size() != keys.size()) {
            throw new FactException("cannot read sysctl " + String.join(", ", keys) + ": " + result.errorText());
        }
        Map<String, String> values = values(sections.get("values"));
        String virt = sections.getOrDefault("container", "").strip();
        Optional<String> container = virt.isEmpty() || virt.equals("none") ? Optional.empty() : Optional.of(virt);
        List<SysctlState> states = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            String value = values.get(printedName(keys.get(i)));
            boolean canWrite = writable.get(i).strip().equals("yes");
            states.add(new SysctlState(value == null || value.isBlank() ? null : normalise(value), canWrite,
                    canWrite ? Optional.empty() : container));
        }
        return states;
    }

    /** sysctl's {@code name = value} lines; a line without " = " continues the value before it. */
    private static Map<String, String> values(String section) {
        Map<String, String> values = new HashMap<>();
        String name = null;
        for (String line : Sections.lines(section)) {
            int eq = line.indexOf(" = ");
            if (eq > 0) {
                name = line.substring(0, eq);
                values.put(name, line.substring(eq + 3));
            } else if (name != null) {
                values.merge(name, " " + line, String::concat);
            }
        }
        return values;
    }

    /** How sysctl names a key in its output: dotted, so a key given with slashes has its dots and slashes swapped. */
    private static String printedName(String key) {
        if (key.indexOf('/') < 0) {
            return key;
        }
        StringBuilder name = new StringBuilder(key);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            name.setCharAt(i, c == '/' ? '.' : c == '.' ? '/' : c);
        }
        return name.toString();
    }

    /** sysctl prints multi-value keys with tabs ("4096\t87380\t6291456"); compare on single spaces. */
    public static String normalise(String value) {
        return value.strip().replaceAll("\\s+", " ");
    }
}
