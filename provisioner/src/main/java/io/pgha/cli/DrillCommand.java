package io.pgha.cli;

import io.pgha.transport.SshTransportFactory;
import io.pgha.verify.ClusterSession;
import io.pgha.verify.checks.CheckResult;
import io.pgha.verify.checks.VerifyReport;
import io.pgha.verify.drill.DrillKind;
import io.pgha.verify.drill.DrillResult;
import io.pgha.verify.drill.DrillRunner;
import io.pgha.verify.drill.FaultInjector;
import io.pgha.verify.drill.FaultInjectors;
import io.pgha.verify.probe.ClusterProbes;
import io.pgha.verify.report.DrillSummary;
import io.pgha.verify.report.Json;
import io.pgha.verify.report.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code pgha drill KIND}: inject a failure on the leader and measure recovery time and lost writes. */
@Command(name = "drill", mixinStandardHelpOptions = true,
        description = "Destructive: inject a failure on the current leader while a writer inserts numbered rows "
                + "through HAProxy, measure time to a new leader, RTO and lost writes, check the old leader "
                + "rejoins and all nodes hold the same rows, restore the cluster and verify it. Refuses to start "
                + "on an unhealthy cluster. Writes a report (text, JSON, HTML timeline).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every drill passed", "1:a drill failed, the cluster was unhealthy, or not confirmed",
                "2:bad input (command line, inventory, secrets, a fault this inventory cannot inject)"})
public final class DrillCommand implements Callable<Integer> {
    private final InputStream stdin;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KIND",
            description = "switchover, stop-leader, kill-leader, crash-leader, partition-leader or all")
    String kind;

    @Mixin
    InventoryOptions hosts;

    @Option(names = "--yes", description = "do not ask for confirmation")
    boolean yes;

    @Option(names = "--json", description = "print the measured figures as JSON")
    boolean json;

    @Option(names = "--report-dir", paramLabel = "DIR",
            description = "where the report folder goes (default: reports/ beside the inventory)")
    Path reportDir;

    @Option(names = "--write-interval", paramLabel = "MS", defaultValue = "50",
            description = "milliseconds between the writer's inserts (default: ${DEFAULT-VALUE})")
    int writeIntervalMs;

    @Mixin
    SshOptions ssh;

    public DrillCommand() {
        this(System.in);
    }

    public DrillCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<DrillKind> kinds;
        ClusterProbes probes;
        try {
            kinds = DrillKind.parse(kind);
            probes = ClusterSession.open(hosts.inventory, Map.of());
        } catch (IllegalArgumentException | ClusterSession.BadInput e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        PrintWriter progress = json ? err : out;
        try (FaultInjector faults = FaultInjectors.forCluster(probes.spec(),
                () -> new SshTransportFactory(ssh.settings(probes.spec().knownHosts())))) {
            DrillRunner runner = new DrillRunner(probes, faults, Duration.ofMillis(writeIntervalMs), line -> {
                progress.println(line);
                progress.flush();
            });
            for (DrillKind k : kinds) {
                Optional<String> why = runner.unsupported(k);
                if (why.isPresent()) {
                    err.println("error: " + why.get());
                    return 2;
                }
            }
            VerifyReport gate = runner.healthGate(Duration.ofSeconds(15));
            if (!gate.passed()) {
                refuse(err, gate);
                return 1;
            }
            if (!yes && !confirmed(out, kinds)) {
                err.println("not confirmed: nothing was done");
                return 1;
            }
            Instant started = Instant.now();
            List<DrillResult> results = new ArrayList<>();
            for (DrillKind k : kinds) {
                if (!results.isEmpty()) {
                    VerifyReport again = runner.healthGate(Duration.ofSeconds(90));
                    if (!again.passed()) {
                        refuse(err, again);
                        break;
                    }
                }
                try {
                    results.add(runner.run(k));
                } catch (IllegalStateException e) {
                    // Nothing was injected: the drill could not even find the leader to start from.
                    err.println("error: " + k.cliName() + " not started: " + e.getMessage());
                    break;
                }
            }
            Path base = reportDir != null ? reportDir
                    : hosts.inventory.toAbsolutePath().getParent().resolve("reports");
            Path folder = ReportWriter.write(ReportWriter.folderFor(base, started), started, results);
            if (json) {
                out.println(Json.pretty(ReportWriter.json(started, results)));
            } else {
                out.print(DrillSummary.text(results));
            }
            progress.println("report: " + folder.resolve("report.html"));
            out.flush();
            progress.flush();
            return results.size() == kinds.size() && results.stream().allMatch(DrillResult::passed) ? 0 : 1;
        } catch (IOException e) {
            err.println("error: cannot write the report: " + e.getMessage());
            return 1;
        }
    }

    private static void refuse(PrintWriter err, VerifyReport gate) {
        err.println("refusing to run a drill: the cluster is not healthy");
        for (CheckResult f : gate.failures()) {
            err.println(f.message());
        }
        err.flush();
    }

    private boolean confirmed(PrintWriter out, List<DrillKind> kinds) {
        out.println("This drill breaks the current leader on purpose:");
        kinds.forEach(k -> out.println("  " + k.cliName() + ": " + k.description()));
        out.print("Type 'yes' to go on: ");
        out.flush();
        try {
            String answer = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
            return answer != null && answer.strip().equalsIgnoreCase("yes");
        } catch (IOException e) {
            return false;
        }
    }
}
