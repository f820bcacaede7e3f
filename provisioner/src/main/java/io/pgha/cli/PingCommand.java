package io.pgha.cli;

import io.pgha.engine.BadInputException;
import io.pgha.engine.Durations;
import io.pgha.engine.HostPatterns;
import io.pgha.engine.Output;
import io.pgha.engine.Pinger;
import io.pgha.engine.Redactor;
import io.pgha.engine.TaskStatus;
import io.pgha.inventory.Inventory;
import io.pgha.inventory.InventoryHost;
import io.pgha.transport.TransportFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code pgha ping}: can every host be reached, logged into and sudo'ed on, and what is it? */
@Command(name = "ping", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Connect to every host in parallel, check passwordless sudo when tasks become root, and show each host's OS.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:all hosts answered", "1:a host answered but sudo or the OS probe failed",
                "2:bad input (command line, inventory)", "3:hosts unreachable, nothing else failed"})
public final class PingCommand implements Callable<Integer> {
    private final Toolkit toolkit;

    @Spec
    CommandSpec spec;

    @Mixin
    InventoryOptions hosts;

    @Mixin
    LimitOptions limit;

    @Mixin
    SshOptions ssh;

    public PingCommand(Toolkit toolkit) {
        this.toolkit = toolkit;
    }

    @Override
    public Integer call() {
        Redactor redactor = new Redactor();
        Output output = new Output(spec.commandLine().getOut(), spec.commandLine().getErr(), redactor);
        try {
            Inventory inventory = toolkit.loadInventory(hosts.inventory, List.of());
            InventoryOptions.redactPassphrases(inventory, redactor);
            List<InventoryHost> selected = HostPatterns.limit(inventory, limit.patterns);
            try (TransportFactory transports = toolkit.transports(ssh.settings(inventory))) {
                List<Pinger.Result> results = pinger(transports, toolkit.osProbe()).ping(selected, result -> output.println(line(result)));
                return exitCode(results);
            }
        } catch (BadInputException e) {
            output.error(e.getMessage());
            return ExitCodes.USAGE;
        }
    }

    private static <T> Pinger<T> pinger(TransportFactory transports, Toolkit.OsProbe<T> probe) {
        return new Pinger<>(transports, probe.fact(), probe.describe());
    }

    private static String line(Pinger.Result result) {
        String separator = result.status() == TaskStatus.OK ? " " : " => ";
        return result.status().label() + ": [" + result.host() + "]" + separator + result.detail()
                + " (" + Durations.format(result.elapsed()) + ")";
    }

    private static int exitCode(List<Pinger.Result> results) {
        if (results.stream().anyMatch(r -> r.status() == TaskStatus.FAILED)) {
            return ExitCodes.FAILED;
        }
        if (results.stream().anyMatch(r -> r.status() == TaskStatus.UNREACHABLE)) {
            return ExitCodes.UNREACHABLE;
        }
        return ExitCodes.OK;
    }
}
