package io.pgha.facts;

import io.pgha.transport.ExecResult;
import io.pgha.transport.ShellQuote;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** Which of some packages are installed (dpkg-query) and how old apt's lists are, in one command. */
public final class AptFact implements Fact<AptState> {
    /**
     * Touched by pgha after each successful update; apt itself only touches it with the
     * periodic hook, and the lists directory keeps an old mtime when the mirror did not change.
     */
    public static final String UPDATE_STAMP = "/var/lib/apt/periodic/update-success-stamp";

    private static final String INSTALLED = "install ok installed";

    private final List<String> packages;

    public AptFact(List<String> packages) {
        this.packages = List.copyOf(packages);
    }

    @Override
    public String command() {
        String query = packages.isEmpty() ? ""
                : "dpkg-query -W -f='${Package}\\t${Status}\\t${Version}\\n' " + ShellQuote.join(packages)
                  + " 2>/dev/null; ";
        return Sections.marker("packages") + "; " + query + Sections.marker("cache")
                + "; echo \"$(date +%s) $(stat -c %Y " + UPDATE_STAMP + " 2>/dev/null"
                + " || stat -c %Y /var/lib/apt/lists 2>/dev/null || echo -)\"";
    }

    @Override
    public boolean needsRoot() {
        return false;
    }

    @Override
    public AptState parse(ExecResult result) throws FactException {
        Map<String, String> sections = Sections.parse(result.stdout());
        if (!sections.containsKey("packages") || !sections.containsKey("cache")) {
            throw new FactException("cannot query installed packages: " + result.errorText());
        }
        Map<String, String> installed = new HashMap<>();
        for (String line : sections.get("packages").split("\n")) {
            String[] f = line.split("\t");
            // dpkg-query exits 1 for names it does not know; the rows it printed are still right.
            if (f.length == 3 && f[1].equals(INSTALLED)) {
                installed.put(f[0], f[2]);
            }
        }
        return new AptState(installed, cacheAge(sections.get("cache").strip()));
    }

    private static OptionalLong cacheAge(String line) throws FactException {
        String[] f = line.split(" ");
        if (f.length != 2) {
            throw new FactException("unexpected apt cache age output: " + line);
        }
        if (f[1].equals("-")) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Math.max(0, Long.parseLong(f[0]) - Long.parseLong(f[1])));
        } catch (NumberFormatException e) {
            throw new FactException("unexpected apt cache age output: " + line);
        }
    }
}
