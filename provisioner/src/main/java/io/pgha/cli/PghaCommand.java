package io.pgha.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** The top-level {@code pgha} command: only help and version; the work is in subcommands. */
@Command(name = "pgha", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Provision and verify a PostgreSQL HA cluster (PostgreSQL, Patroni, etcd, HAProxy) over SSH.",
        commandListHeading = "%nCommands:%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:a task or check failed", "2:bad input (command line, inventory, roles, preflight)",
                "3:hosts unreachable, nothing else failed"},
        footer = {"", "Run 'pgha COMMAND --help' for a command's options. Docs: docs/usage.md"})
public final class PghaCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Without a command there is nothing to do: show the usage, as for any usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
