package io.pgha.operations;

import io.pgha.facts.Fact;
import io.pgha.facts.FileQuery;
import io.pgha.facts.FileState;
import io.pgha.facts.FilesFact;
import io.pgha.facts.InitOpenFilesFact;
import io.pgha.facts.ServiceFact;
import io.pgha.facts.ServiceState;
import io.pgha.transport.ShellQuote;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * {@code service}: a systemd unit started or stopped, enabled or not, masked or not, read with
 * one {@code systemctl show} and changed with one chained command. {@code restarted} and
 * {@code reloaded} always act (roles gate them with {@code if_changed}), except a restart with
 * {@code if_started_before}, which acts only while the unit runs with older files than those: a restart
 * that an interrupted run never made is still made by the next one. {@code open_files} checks that the unit
 * may open that many files.
 */
final class Service implements Operation {
    private static final Set<String> ALLOWED = Set.of("name", "state", "enabled", "masked", "if_started_before",
            "restart_command", "open_files");

    @Override
    public String name() {
        return "service";
    }

    @Override
    public Plan plan(OperationContext ctx, Map<String, Object> rawArgs) throws OperationException {
        Args args = Args.of(name(), rawArgs, ALLOWED);
        String unit = SystemdUnit.unitName(args, "name");
        String state = args.optionalString("state") == null ? null
                : args.oneOf("state", null, "started", "stopped", "restarted", "reloaded");
        Boolean enabled = args.optionalBool("enabled");
        Boolean masked = args.optionalBool("masked");
        long openFiles = args.integer("open_files", 0, 1);
        if (state == null && enabled == null && masked == null && openFiles == 0) {
            throw new OperationException("service: give at least one of the arguments state, enabled, masked, open_files");
        }
        if (Boolean.TRUE.equals(masked) && (Boolean.TRUE.equals(enabled) || isRunningState(state))) {
            throw args.error("masked", "cannot be true while the unit should be enabled or running");
        }
        List<String> startedBefore = args.stringList("if_started_before", false);
        String restartCommand = args.optionalString("restart_command");
        for (String only : List.of("if_started_before", "restart_command")) {
            if (args.has(only) && !"restarted".equals(state)) {
                throw args.error(only, "goes with state: restarted");
            }
        }
        for (String path : startedBefore) {
            if (!path.startsWith("/")) {
                throw args.error("if_started_before", "must list absolute paths (got '" + path + "')");
            }
        }

        ServiceFact serviceFact = new ServiceFact(unit);
        FilesFact filesFact = startedBefore.isEmpty() ? null
                : new FilesFact(startedBefore.stream().map(path -> FileQuery.compareWith(path, null)).toList());
        List<Fact<?>> reads = new ArrayList<>(List.of(serviceFact));
        if (filesFact != null) {
            reads.add(filesFact);
        }
        if (openFiles > 0) {
            reads.add(new InitOpenFilesFact());
        }
        if (reads.size() > 1) {
            ctx.prefetch(reads);
        }
        ServiceState s = ctx.fact(serviceFact);
        if (openFiles > 0) {
            checkOpenFiles(unit, s, ctx.fact(new InitOpenFilesFact()), openFiles);
        }
        String u = ShellQuote.quote(unit);
        if (!s.found() && !s.masked()) {
            boolean wantsIt = isRunningState(state) || Boolean.TRUE.equals(enabled);
            if (!wantsIt) {
                return Plan.noChange(unit + " does not exist, so it is neither running nor enabled");
            }
            if (!ctx.checkMode()) {
                throw new OperationException("unit " + unit + " not found (LoadState=not-found): is its package "
                        + "installed, or its unit file written by an earlier task?");
            }
            // In check mode the package that brings the unit was not really installed.
        }

        List<String> commands = new ArrayList<>();
        List<String> what = new ArrayList<>();
        String reason = "";
        if (masked != null && masked != s.masked()) {
            commands.add("systemctl " + (masked ? "mask " : "unmask ") + u);
            what.add(masked ? "mask" : "unmask");
        }
        boolean maskedAfter = masked != null ? masked : s.masked();
        if (enabled != null) {
            if (maskedAfter && enabled) {
                throw args.error("enabled", "cannot be true: " + unit + " is masked (set masked: false)");
            }
            boolean canToggle = s.enableable() || !s.found();
            if (canToggle && enabled != s.enabled() && !(maskedAfter && !enabled)) {
                commands.add("systemctl " + (enabled ? "enable " : "disable ") + u);
                what.add(enabled ? "enable" : "disable");
            }
        }
        if (state != null) {
            switch (state) {
                case "started" -> {
                    if (!s.running()) {
                        commands.add("systemctl start " + u);
                        what.add("start");
                    }
                }
                case "stopped" -> {
                    if (s.running()) {
                        commands.add("systemctl stop " + u);
                        what.add("stop");
                    }
                }
                case "restarted" -> {
                    String why = filesFact == null ? "" : staleness(s, ctx.fact(filesFact));
                    if (why != null) {
                        commands.add(restartCommand != null ? restartCommand : "systemctl restart " + u);
                        what.add("restart");
                        reason = why;
                    }
                }
                default -> {
                    // reloading a stopped unit fails; starting it reads the new configuration too
                    commands.add("systemctl " + (s.running() ? "reload " : "start ") + u);
                    what.add(s.running() ? "reload" : "start");
                }
            }
        }
        if (commands.isEmpty()) {
            if (!startedBefore.isEmpty()) {
                return Plan.noChange(unit + " is " + describe(s) + " and started after " + String.join(", ", startedBefore)
                        + " last changed");
            }
            if (openFiles > 0 && state == null && enabled == null && masked == null) {
                return Plan.noChange(unit + " may open " + openFiles + " files");
            }
            return Plan.noChange(unit + " is already " + describe(s));
        }
        return Plan.change(String.join(", ", what) + " " + unit + reason,
                List.of(new Action.Exec(String.join(" && ", commands))));
    }

    /**
     * Why the unit must be restarted to run with the files (" (it started before /x changed)"), or null when it
     * already does: it is active and its main process started after every existing file last changed. Both sides
     * are whole seconds: a file changed in the second the unit started counts as seen.
     */
    private static String staleness(ServiceState s, List<FileState> files) {
        if (!s.activeState().equals("active")) {
            return " (it is " + s.activeState() + ")";
        }
        if (s.mainStarted().isEmpty()) {
            return " (its main process has no start time)";
        }
        for (FileState file : files) {
            if (file.exists() && file.modified() > s.mainStarted().getAsLong()) {
                return " (it started before " + file.path() + " changed)";
            }
        }
        return null;
    }

    /** Fails when the unit's open-files limit, or PID 1's hard limit that caps it, is below {@code needed}. */
    private static void checkOpenFiles(String unit, ServiceState s, OptionalLong initLimit, long needed)
            throws OperationException {
        String unitLimit = s.openFilesLimit();
        boolean unitTooLow = !unitLimit.isEmpty() && !unitLimit.equals("infinity") && parseLimit(unitLimit) < needed;
        boolean initTooLow = initLimit.isPresent() && initLimit.getAsLong() < needed;
        if (unitTooLow || initTooLow) {
            throw new OperationException(unit + " needs " + needed + " open files, but this host allows it "
                    + (unitTooLow ? unitLimit + " (its LimitNOFILE)" : initLimit.getAsLong() + " (PID 1's hard limit, "
                    + "which caps every service's LimitNOFILE)") + ": ask for fewer, or raise the limit");
        }
    }

    private static long parseLimit(String limit) {
        try {
            return Long.parseLong(limit);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE; // a value systemd may add later: do not fail on what cannot be read
        }
    }

    private static boolean isRunningState(String state) {
        return state != null && !state.equals("stopped");
    }

    private static String describe(ServiceState s) {
        return s.activeState() + (s.unitFileState().isEmpty() ? "" : " and " + s.unitFileState());
    }
}
