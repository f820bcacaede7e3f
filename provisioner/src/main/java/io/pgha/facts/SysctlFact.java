package io.pgha.facts;

import io.pgha.transport.ExecResult;
import io.pgha.transport.ShellQuote;

import java.util.Map;

/**
 * Live value of one sysctl key and whether it can be written, in one process. The persisted file
 * ({@link FilesFact}) and the container ({@link ContainerFact}) are facts of their own: the same command for
 * every key, so a batch runs each once, and the container is asked only when it matters.
 */
public final class SysctlFact implements Fact<SysctlState> {
    private final String key;

    public SysctlFact(String key) {
        this.key = key;
    }

    /** /proc/sys path of a dotted key. */
    public static String procPath(String key) {
        return "/proc/sys/" + key.replace('.', '/');
    }

    @Override
    public String command() {
        // The value needs sysctl: the shell's `read` reads /proc/sys byte by byte, and an integer key answers a
        // read at an offset with end-of-file. Writability is the shell's builtin test, no process.
        return Sections.marker("value") + "; sysctl -n -- " + ShellQuote.quote(key) + " 2>/dev/null; "
                + Sections.marker("writable") + "; if [ -w " + ShellQuote.quote(procPath(key))
                + " ]; then echo yes; else echo no; fi";
    }

    @Override
    public SysctlState parse(ExecResult result) throws FactException {
        Map<String, String> sections = Sections.parse(result.stdout());
        if (!sections.containsKey("value") || !sections.containsKey("writable")) {
            throw new FactException("cannot read sysctl " + key + ": " + result.errorText());
        }
        String value = sections.get("value").strip();
        return new SysctlState(value.isEmpty() ? null : normalise(value), sections.get("writable").strip().equals("yes"));
    }

    /** sysctl prints multi-value keys with tabs ("4096\t87380\t6291456"); compare on single spaces. */
    public static String normalise(String value) {
        return value.strip().replaceAll("\\s+", " ");
    }
}
