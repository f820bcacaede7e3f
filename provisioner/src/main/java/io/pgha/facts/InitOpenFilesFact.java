package io.pgha.facts;

import io.pgha.transport.ExecResult;

import java.util.OptionalLong;

/**
 * PID 1's hard limit on open files (a number; empty when unlimited or unreadable). It caps what any service gets,
 * whatever its unit's {@code LimitNOFILE} says: systemd lowers a higher setting silently when it starts the
 * service (a container's PID 1 often has a low one). Read by the shell itself, without starting a process.
 */
public final class InitOpenFilesFact implements Fact<OptionalLong> {

    @Override
    public String command() {
        return "while read -r a b c soft hard rest; do [ \"$a $b $c\" != 'Max open files' ] || echo \"$hard\"; done"
                + " < /proc/1/limits; true";
    }

    @Override
    public boolean needsRoot() {
        return false;
    }

    @Override
    public OptionalLong parse(ExecResult result) {
        String hard = result.stdout().strip();
        try {
            return OptionalLong.of(Long.parseLong(hard));
        } catch (NumberFormatException e) {
            return OptionalLong.empty(); // "unlimited", or /proc/1/limits not readable: no cap known
        }
    }
}
