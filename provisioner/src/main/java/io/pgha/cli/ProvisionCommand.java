package io.pgha.cli;

import io.pgha.engine.BadInputException;
import io.pgha.engine.ConsoleReporter;
import io.pgha.engine.JsonReporter;
import io.pgha.engine.Output;
import io.pgha.engine.PlaybookRunner;
import io.pgha.engine.Redactor;
import io.pgha.engine.RunListener;
import io.pgha.engine.RunOptions;
import io.pgha.engine.RunSummary;
import io.pgha.inventory.Inventory;
import io.pgha.operations.Operation;
import io.pgha.roles.Playbook;
import io.pgha.templating.Templates;
import io.pgha.transport.LazyTransportFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code pgha provision}: runs the playbook on the inventory's hosts. */
@Command(name = "provision", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Bring the hosts to the state the playbook describes (re-running changes nothing on converged hosts).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:nothing failed", "1:a task failed on a host", "2:bad input (command line, inventory, roles, preflight)",
                "3:hosts unreachable, nothing else failed"})
public final class ProvisionCommand implements Callable<Integer> {
    private final Toolkit toolkit;
    private final CliEnvironment environment;

    @Spec
    CommandSpec spec;

    @Mixin
    InventoryOptions hosts;

    @Mixin
    LimitOptions limit;

    @Mixin
    SshOptions ssh;

    @Option(names = "--playbook", paramLabel = "FILE", description = "playbook to run (default: $PGHA_HOME/site.yml)")
    Path playbook;

    @Option(names = {"-C", "--check"}, description = "show what would change, change nothing")
    boolean check;

    @Option(names = {"-D", "--diff"}, description = "show the changes made to files")
    boolean diff;

    @Option(names = {"-t", "--tags"}, split = ",", paramLabel = "TAG", description = "only tasks with these tags (a role's name is a tag)")
    List<String> tags = new ArrayList<>();

    @Option(names = {"-e", "--extra-vars"}, paramLabel = "KEY=VALUE|@FILE",
            description = "set a variable above all others (repeatable); @FILE reads a YAML mapping of plain values")
    List<String> extraVars = new ArrayList<>();

    @Option(names = "--json", description = "one JSON event per line instead of text")
    boolean json;

    public ProvisionCommand(Toolkit toolkit, CliEnvironment environment) {
        this.toolkit = toolkit;
        this.environment = environment;
    }

    @Override
    public Integer call() {
        Redactor redactor = new Redactor();
        Output output = new Output(spec.commandLine().getOut(), spec.commandLine().getErr(), redactor);
        try {
            Inventory inventory = toolkit.loadInventory(hosts.inventory, extraVars);
            InventoryOptions.redactPassphrases(inventory, redactor);
            try (LazyTransportFactory transports = new LazyTransportFactory(() -> toolkit.transports(ssh.settings(inventory)))) {
                // The client starts while the roles load; the hosts connect while the preflight runs (PlaybookRunner).
                transports.prepare();
                Map<String, Operation> operations = toolkit.operations();
                Playbook loaded = toolkit.loadPlaybook(playbookFile(), operations.keySet());
                RunOptions options = new RunOptions(check, diff, limit.patterns, new LinkedHashSet<>(tags));
                PlaybookRunner runner = new PlaybookRunner(transports, operations, new Templates(), listener(output), redactor,
                        toolkit.hostFacts());
                RunSummary summary = runner.run(inventory, loaded, options, toolkit.secrets(inventory));
                return summary.exitCode();
            }
        } catch (BadInputException e) {
            output.error(e.getMessage());
            if (json) {
                Map<String, Object> event = JsonReporter.event("error");
                event.put("message", e.getMessage());
                event.put("exit_code", ExitCodes.USAGE);
                new JsonReporter(output).emit(event);
            }
            return ExitCodes.USAGE;
        }
    }

    private Path playbookFile() {
        return playbook != null ? playbook : environment.home().resolve("site.yml");
    }

    private RunListener listener(Output output) {
        if (json) {
            return new JsonReporter(output);
        }
        return new ConsoleReporter(output, ConsoleColours.wanted(environment), diff);
    }
}
