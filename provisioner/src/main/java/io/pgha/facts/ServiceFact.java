package io.pgha.facts;

import io.pgha.transport.ExecResult;
import io.pgha.transport.ShellQuote;

import java.util.HashMap;
import java.util.Map;

/** Load, active and unit-file state of one systemd unit, in one {@code systemctl show}. */
public final class ServiceFact implements Fact<ServiceState> {
    private final String unit;

    public ServiceFact(String unit) {
        this.unit = unit;
    }

    @Override
    public String command() {
        return "systemctl show --no-pager -p LoadState,ActiveState,UnitFileState -- " + ShellQuote.quote(unit);
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
                props.getOrDefault("UnitFileState", ""));
    }
}
