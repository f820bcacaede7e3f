package io.pgha.operations;

import io.pgha.facts.ServiceState;

import java.util.OptionalLong;

/**
 * {@code open_files} of {@code service}: the unit may open that many files. What it really gets is the smaller of
 * its {@code LimitNOFILE} and PID 1's hard limit (systemd lowers a higher setting silently when it starts the unit).
 */
final class OpenFilesCheck {
    private OpenFilesCheck() {
    }

    /** Fails, naming the limit that is too low, when the unit may not open {@code needed} files. */
    static void check(String unit, ServiceState s, OptionalLong initLimit, long needed) throws OperationException {
        String unitLimit = s.openFilesLimit();
        boolean unitTooLow = !unitLimit.isEmpty() && !unitLimit.equals("infinity") && parse(unitLimit) < needed;
        boolean initTooLow = initLimit.isPresent() && initLimit.getAsLong() < needed;
        if (unitTooLow || initTooLow) {
            throw new OperationException(unit + " needs " + needed + " open files, but this host allows it "
                    + (unitTooLow ? unitLimit + " (its LimitNOFILE)" : initLimit.getAsLong() + " (PID 1's hard limit, "
                    + "which caps every service's LimitNOFILE)") + ": ask for fewer, or raise the limit");
        }
    }

    private static long parse(String limit) {
        try {
            return Long.parseLong(limit);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE; // a value systemd may add later: do not fail on what cannot be read
        }
    }
}
