package io.pgha.operations;

import io.pgha.facts.Fact;
import io.pgha.facts.FilesFact;
import io.pgha.facts.InitOpenFilesFact;
import io.pgha.facts.ServiceFact;
import io.pgha.facts.ServiceState;
import io.pgha.transport.ShellQuote;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        RestartGuard restart = RestartGuard.of(args, state);

        ServiceFact serviceFact = new ServiceFact(unit);
        List<Fact<?>> reads = new ArrayList<>(List.of(serviceFact));
        FilesFact files = restart.filesFact();
        if (files != null) {
            reads.add(files);
        }
        if (openFiles > 0) {
            reads.add(new InitOpenFilesFact());
        }
        if (reads.size() > 1) {
            ctx.prefetch(reads);
        }
        ServiceState s = ctx.fact(serviceFact);
        if (openFiles > 0) {
            OpenFilesCheck.check(unit, s, ctx.fact(new InitOpenFilesFact()), openFiles);
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
                    String why = restart.reasonToRestart(ctx, s);
                    if (why != null) {
                        commands.add(restart.restartCommand(u));
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
            String upToDate = restart.upToDate(unit, describe(s));
            if (upToDate != null) {
                return Plan.noChange(upToDate);
            }
            if (openFiles > 0 && state == null && enabled == null && masked == null) {
                return Plan.noChange(unit + " may open " + openFiles + " files");
            }
            return Plan.noChange(unit + " is already " + describe(s));
        }
        return Plan.change(String.join(", ", what) + " " + unit + reason,
                List.of(new Action.Exec(String.join(" && ", commands))));
    }

    private static boolean isRunningState(String state) {
        return state != null && !state.equals("stopped");
    }

    private static String describe(ServiceState s) {
        return s.activeState() + (s.unitFileState().isEmpty() ? "" : " and " + s.unitFileState());
    }
}
