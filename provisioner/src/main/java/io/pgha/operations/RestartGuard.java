package io.pgha.operations;

import io.pgha.facts.FileQuery;
import io.pgha.facts.FileState;
import io.pgha.facts.FilesFact;
import io.pgha.facts.ServiceState;

import java.util.List;

/**
 * {@code if_started_before} and {@code restart_command} of {@code service: state: restarted}: restart only while the
 * unit runs with older files than these (so a restart an interrupted run never made is made by the next run), and
 * with this command instead of {@code systemctl restart} (a rolling restart, say).
 */
final class RestartGuard {
    private final List<String> files;
    private final String command;

    private RestartGuard(List<String> files, String command) {
        this.files = files;
        this.command = command;
    }

    static RestartGuard of(Args args, String state) throws OperationException {
        for (String only : List.of("if_started_before", "restart_command")) {
            if (args.has(only) && !"restarted".equals(state)) {
                throw args.error(only, "goes with state: restarted");
            }
        }
        List<String> files = args.stringList("if_started_before", false);
        for (String path : files) {
            if (!path.startsWith("/")) {
                throw args.error("if_started_before", "must list absolute paths (got '" + path + "')");
            }
        }
        return new RestartGuard(files, args.optionalString("restart_command"));
    }

    /** The files' fact, null when the restart does not depend on files (read in any case with state: restarted). */
    FilesFact filesFact() {
        return files.isEmpty() ? null
                : new FilesFact(files.stream().map(path -> FileQuery.compareWith(path, null)).toList());
    }

    /**
     * Why the unit is restarted (" (it started before /x changed)", empty without {@code if_started_before}), or
     * null when it already runs with the files: it is active and its main process started after every existing
     * file last changed. Both sides are whole seconds: a file changed in the second the unit started counts as seen.
     */
    String reasonToRestart(OperationContext ctx, ServiceState s) throws OperationException {
        if (files.isEmpty()) {
            return "";
        }
        if (!s.activeState().equals("active")) {
            return " (it is " + s.activeState() + ")";
        }
        if (s.mainStarted().isEmpty()) {
            return " (its main process has no start time)";
        }
        for (String path : files) {
            if (ctx.wouldHaveWritten(path)) {
                return " (" + path + " would change)";
            }
        }
        for (FileState file : ctx.fact(filesFact())) {
            if (file.exists() && file.modified() > s.mainStarted().getAsLong()) {
                return " (it started before " + file.path() + " changed)";
            }
        }
        return null;
    }

    String restartCommand(String quotedUnit) {
        return command != null ? command : "systemctl restart " + quotedUnit;
    }

    /** What a run that restarts nothing says, or null without {@code if_started_before}. */
    String upToDate(String unit, String described) {
        return files.isEmpty() ? null : unit + " is " + described + " and started after " + String.join(", ", files)
                + " last changed";
    }
}
