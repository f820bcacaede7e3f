package io.pgha.facts;

import io.pgha.transport.ExecResult;
import io.pgha.transport.ShellQuote;

import java.util.List;
import java.util.Map;

/** Live value, persisted file, container and writability of one sysctl key, in one command. */
public final class SysctlFact implements Fact<SysctlState> {
    private final String key;
    private final FilesFact fileFact;

    public SysctlFact(String key, String file) {
        this.key = key;
        this.fileFact = new FilesFact(FileQuery.fetch(file));
    }

    /** /proc/sys path of a dotted key. */
    public static String procPath(String key) {
        return "/proc/sys/" + key.replace('.', '/');
    }

    @Override
    public String command() {
        // The container is looked up only when it matters, for a key that cannot be written: every process
        // costs a converged run time. (The value needs sysctl: the shell's `read` reads /proc/sys byte by byte,
        // and an integer key answers a read at an offset with end-of-file.)
        String proc = ShellQuote.quote(procPath(key));
        return Sections.marker("value") + "; sysctl -n -- " + ShellQuote.quote(key) + " 2>/dev/null; "
                + Sections.marker("virt") + "; [ -w " + proc + " ] || systemd-detect-virt --container 2>/dev/null; "
                + Sections.marker("writable") + "; if [ -w " + proc + " ]; then echo yes; else echo no; fi; "
                + fileFact.command();
    }

    @Override
    public SysctlState parse(ExecResult result) throws FactException {
        Map<String, String> sections = Sections.parse(result.stdout());
        if (!sections.containsKey("writable")) {
            throw new FactException("cannot read sysctl " + key + ": " + result.errorText());
        }
        String value = sections.get("value").strip();
        String virt = sections.get("virt").strip();
        List<FileState> file = fileFact.parse(result);
        return new SysctlState(value.isEmpty() ? null : normalise(value), file.get(0),
                virt.isEmpty() || virt.equals("none") ? null : virt,
                sections.get("writable").strip().equals("yes"));
    }

    /** sysctl prints multi-value keys with tabs ("4096\t87380\t6291456"); compare on single spaces. */
    public static String normalise(String value) {
        return value.strip().replaceAll("\\s+", " ");
    }
}
