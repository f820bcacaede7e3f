package io.pgha.cli;

import io.pgha.verify.ClusterSession;
import io.pgha.verify.ClusterStatus;
import io.pgha.verify.StatusCollector;
import io.pgha.verify.StatusPrinter;
import io.pgha.verify.report.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.Map;
import java.util.concurrent.Callable;

/** {@code pgha status}: Patroni's member table, etcd health and HAProxy's primary routing. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show the cluster like `patronictl list`, plus etcd member health and where each HAProxy "
                + "sends the primary port. Reads only (REST APIs), changes nothing.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:status shown (whatever it says)", "2:bad input (command line, inventory, secrets)"})
public final class StatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    InventoryOptions hosts;

    @Option(names = "--json", description = "print JSON instead of tables")
    boolean json;

    @Override
    public Integer call() {
        try {
            ClusterStatus status = new StatusCollector(ClusterSession.open(hosts.inventory, Map.of())).collect();
            spec.commandLine().getOut().print(json ? Json.pretty(StatusPrinter.json(status)) + "\n"
                    : StatusPrinter.text(status));
            spec.commandLine().getOut().flush();
            return 0;
        } catch (ClusterSession.BadInput e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return 2;
        }
    }
}
