package io.pgha.facts;

import java.util.OptionalLong;

/**
 * A systemd unit as {@code systemctl show} reports it.
 *
 * @param mainStarted     when its main process last started, in seconds since the epoch (empty if it never did)
 * @param openFilesLimit  its {@code LimitNOFILE} (hard limit): a number or {@code infinity}; empty if not reported
 */
public record ServiceState(String loadState, String activeState, String unitFileState, OptionalLong mainStarted,
                           String openFilesLimit) {

    public boolean found() {
        return !"not-found".equals(loadState);
    }

    /** Running or on its way (activating, reloading): starting it again would change nothing. */
    public boolean running() {
        return switch (activeState) {
            case "active", "activating", "reloading" -> true;
            default -> false;
        };
    }

    public boolean enabled() {
        return unitFileState.startsWith("enabled");
    }

    public boolean masked() {
        return unitFileState.startsWith("masked");
    }

    /** static, indirect, generated, alias, transient: states that enable/disable cannot toggle. */
    public boolean enableable() {
        return enabled() || unitFileState.equals("disabled") || masked();
    }
}
