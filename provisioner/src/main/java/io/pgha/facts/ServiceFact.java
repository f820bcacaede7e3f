package io.pgha.facts;

import io.pgha.transport.ExecResult;
import io.pgha.transport.ShellQuote;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Load, active and unit-file state of one systemd unit, when its main process started and its open-files limit, in
 * one {@code systemctl show} (start times as seconds since the epoch: {@code --timestamp=unix}, systemd 248 or later). Facts of this kind merge:
 * the read-ahead asks one {@code systemctl show} for every unit a host's tasks name (it prints a block per unit,
 * in order, blocks separated by an empty line).
 */
public final class ServiceFact implements MergeableFact<ServiceState> {
    private static final Merger MERGER = facts -> {
        List<ServiceFact> services = facts.stream().map(ServiceFact.class::cast).toList();
        List<String> units = services.stream().map(f -> f.unit).toList();
        return new MergedFact(command(units), result -> {
            String[] blocks = result.stdout().strip().split("\n\n");
            if (blocks.length != units.size()) {
                throw new FactException("cannot read the state of units " + String.join(", ", units) + ": "
                        + result.errorText());
            }
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < blocks.length; i++) {
                values.add(services.get(i).parse(new ExecResult(result.exitCode(), blocks[i], result.stderr(),
                        result.elapsed())));
            }
            return values;
        });
    };

    private final String unit;

    public ServiceFact(String unit) {
        this.unit = unit;
    }

    @Override
    public Merger merger() {
        return MERGER;
    }

    @Override
    public String command() {
        return command(List.of(unit));
    }

    private static String command(List<String> units) {
        return "systemctl show --no-pager --timestamp=unix -p LoadState,ActiveState,UnitFileState,ExecMainStartTimestamp,"
                + "LimitNOFILE -- " + ShellQuote.join(units);
    }

    @Override
    public boolean needsRoot() {
        return false;
    }

    @Override
    public ServiceState parse(ExecResult result) throws FactException {
        Map<String, String> props = new HashMap<>();
        for (String line : result.stdout().split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                props.put(line.substring(0, eq), line.substring(eq + 1).strip());
            }
        }
        if (!result.ok() || !props.containsKey("LoadState") || !props.containsKey("ActiveState")) {
            throw new FactException("cannot read the state of unit " + unit + ": " + result.errorText());
        }
        return new ServiceState(props.get("LoadState"), props.get("ActiveState"),
                props.getOrDefault("UnitFileState", ""), started(props.getOrDefault("ExecMainStartTimestamp", "")),
                props.getOrDefault("LimitNOFILE", ""));
    }

    /** {@code @SECONDS}, or empty when the main process never started. */
    private OptionalLong started(String timestamp) throws FactException {
        if (timestamp.isEmpty() || timestamp.equals("n/a")) {
            return OptionalLong.empty();
        }
        try {
            long seconds = Long.parseLong(timestamp.startsWith("@") ? timestamp.substring(1) : timestamp);
            return seconds > 0 ? OptionalLong.of(seconds) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            throw new FactException("unexpected start time of unit " + unit + ": " + timestamp
                    + " (systemctl show --timestamp=unix needs systemd 248 or later)");
        }
    }
}
