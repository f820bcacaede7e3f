package io.pgha.verify.drill;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The failures a drill can inject on the leader. */
public enum DrillKind {
    SWITCHOVER("planned switchover through Patroni's REST API"),
    STOP_LEADER("Patroni stopped cleanly on the leader"),
    KILL_LEADER("Patroni and PostgreSQL killed with SIGKILL on the leader"),
    CRASH_LEADER("the leader's whole host dies at once"),
    PARTITION_LEADER("the leader cut off from the other members (heals itself after a bounded time)");

    private final String description;

    DrillKind(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** The name on the command line: {@code kill-leader}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** {@code all} or one kind by its command-line name. */
    public static List<DrillKind> parse(String name) {
        if ("all".equals(name)) {
            return List.of(values());
        }
        return Arrays.stream(values()).filter(k -> k.cliName().equals(name)).findFirst().map(List::of)
                .orElseThrow(() -> new IllegalArgumentException("unknown drill '" + name + "'; expected one of: "
                        + String.join(", ", Arrays.stream(values()).map(DrillKind::cliName).toList()) + ", all"));
    }
}
