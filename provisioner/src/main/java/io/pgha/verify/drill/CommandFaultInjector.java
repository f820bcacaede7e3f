package io.pgha.verify.drill;

import io.pgha.verify.cluster.Member;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Faults through a local command from the inventory ({@code pgha_fault_command}, e.g.
 * {@code /path/lab/fault {action} {host}}); placeholders {action}, {host}, {address}, {seconds}. Actions the
 * command does not handle ({@code pgha_fault_command_actions}) go to the fallback (SSH), if any.
 */
public final class CommandFaultInjector implements FaultInjector {
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private final List<String> template;
    private final Set<String> actions;
    private final FaultInjector fallback;

    public CommandFaultInjector(String template, Set<String> actions, FaultInjector fallback) {
        this.template = List.of(template.strip().split("\\s+"));
        this.actions = Set.copyOf(actions);
        this.fallback = fallback;
    }

    @Override
    public boolean supports(FaultAction action) {
        return actions.contains(action.commandName()) || (fallback != null && fallback.supports(action));
    }

    @Override
    public void inject(FaultAction action, Member member, List<Member> peers, Duration healAfter)
            throws FaultException {
        if (!actions.contains(action.commandName())) {
            if (fallback == null) {
                throw new FaultException("fault '" + action.commandName() + "' on " + member.name()
                        + ": the fault command handles only " + actions + " and no SSH fallback is configured");
            }
            fallback.inject(action, member, peers, healAfter);
            return;
        }
        List<String> argv = command(action, member, healAfter);
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new FaultException(String.join(" ", argv) + ": no exit within " + TIMEOUT.toSeconds() + " s");
            }
            if (p.exitValue() != 0) {
                throw new FaultException(String.join(" ", argv) + " exited " + p.exitValue() + ": "
                        + lastLines(new String(out, StandardCharsets.UTF_8), 5));
            }
        } catch (IOException e) {
            throw new FaultException(String.join(" ", argv) + ": cannot run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FaultException(String.join(" ", argv) + ": interrupted", e);
        }
    }

    @Override
    public void prepare(FaultAction action, Member member) throws FaultException {
        // A local command needs nothing ahead; an action it does not handle goes over SSH, which does.
        if (!actions.contains(action.commandName()) && fallback != null) {
            fallback.prepare(action, member);
        }
    }

    List<String> command(FaultAction action, Member member, Duration healAfter) {
        List<String> argv = new ArrayList<>();
        for (String t : template) {
            argv.add(t.replace("{action}", action.commandName()).replace("{host}", member.name())
                    .replace("{address}", member.address()).replace("{seconds}", Long.toString(healAfter.toSeconds())));
        }
        return argv;
    }

    private static String lastLines(String text, int n) {
        String[] lines = text.strip().split("\n");
        return String.join(" | ", List.of(lines).subList(Math.max(0, lines.length - n), lines.length));
    }

    @Override
    public void close() {
        if (fallback != null) {
            fallback.close();
        }
    }
}
