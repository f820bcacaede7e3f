package io.pgha.facts;

import io.pgha.transport.ExecResult;
import io.pgha.transport.ShellQuote;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which of some packages are installed: one {@code dpkg-query}. How old apt's lists are is a fact of its
 * own ({@link AptListsAgeFact}), asked only when a refresh may be needed, so a converged host costs one process.
 * Facts of this kind merge: the read-ahead asks one {@code dpkg-query} for every package a host's tasks name.
 */
public final class AptFact implements MergeableFact<AptState> {
    private static final String INSTALLED = "install ok installed";
    private static final Merger MERGER = facts -> {
        List<AptFact> apts = facts.stream().map(AptFact.class::cast).toList();
        AptFact all = new AptFact(apts.stream().flatMap(f -> f.packages.stream()).distinct().toList());
        return new MergedFact(all.command(), result -> {
            Map<String, String> installed = all.parse(result).installed();
            List<Object> values = new ArrayList<>();
            for (AptFact f : apts) {
                Map<String, String> own = new HashMap<>(installed);
                own.keySet().retainAll(f.packages);
                values.add(new AptState(own));
            }
            return values;
        });
    };

    private final List<String> packages;

    public AptFact(List<String> packages) {
        if (packages.isEmpty()) {
            throw new IllegalArgumentException("no packages to query");
        }
        this.packages = List.copyOf(packages);
    }

    @Override
    public Merger merger() {
        return MERGER;
    }

    @Override
    public String command() {
        return "dpkg-query -W -f='${Package}\\t${Status}\\t${Version}\\n' " + ShellQuote.join(packages);
    }

    @Override
    public boolean needsRoot() {
        return false;
    }

    @Override
    public AptState parse(ExecResult result) throws FactException {
        // dpkg-query exits 1 for names it does not know; the rows it printed are still right.
        if (result.exitCode() != 0 && result.exitCode() != 1) {
            throw new FactException("cannot query installed packages: " + result.errorText());
        }
        Map<String, String> installed = new HashMap<>();
        for (String line : result.stdout().split("\n")) {
            String[] f = line.split("\t");
            if (f.length == 3 && f[1].equals(INSTALLED)) {
                installed.put(f[0], f[2]);
            }
        }
        return new AptState(installed);
    }
}
