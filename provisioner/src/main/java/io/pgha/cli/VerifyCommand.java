package io.pgha.cli;

import io.pgha.verify.ClusterSession;
import io.pgha.verify.checks.Verifier;
import io.pgha.verify.checks.VerifyReport;
import io.pgha.verify.report.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code pgha verify}: the cluster checked the way a careful operator would. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check the cluster: members, one leader, replicas streaming, etcd quorum, HAProxy routing, "
                + "a write through every HAProxy reaching the leader and readable everywhere, REST API "
                + "authentication, Patroni's timing rule. Safe on production: changes nothing but a scratch "
                + "table it drops.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every check passed", "1:a check failed", "2:bad input (command line, inventory, secrets)"})
public final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    InventoryOptions hosts;

    @Option(names = "--json", description = "print the results as JSON")
    boolean json;

    @Option(names = "--deadline", paramLabel = "SECONDS", defaultValue = "30",
            description = "how long a check may wait for the cluster to settle (default: ${DEFAULT-VALUE})")
    int deadlineSeconds;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            Verifier verifier = new Verifier(ClusterSession.open(hosts.inventory, Map.of()),
                    Duration.ofSeconds(deadlineSeconds));
            VerifyReport report = verifier.verify(r -> {
                if (!json) {
                    out.println(r.message());
                    out.flush();
                }
            });
            out.print(json ? Json.pretty(report.json()) + "\n" : "\n" + report.text());
            out.flush();
            return report.passed() ? 0 : 1;
        } catch (ClusterSession.BadInput e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return 2;
        }
    }
}
