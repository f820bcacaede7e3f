package io.pgha.facts;

/** A systemd unit as {@code systemctl show} reports it. */
public record ServiceState(String loadState, String activeState, String unitFileState) {

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
