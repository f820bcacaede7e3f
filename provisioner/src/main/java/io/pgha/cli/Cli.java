package io.pgha.cli;

import picocli.CommandLine;

/** Builds pgha's command tree around the domain services it calls. */
public final class Cli {
    private Cli() {
    }

    /** The full command tree. */
    public static CommandLine commandLine(Toolkit toolkit, CliEnvironment environment) {
        return new CommandLine(new PghaCommand())
                .addSubcommand(new PingCommand(toolkit))
                .addSubcommand(new ProvisionCommand(toolkit, environment))
                .addSubcommand(new StatusCommand())
                .addSubcommand(new VerifyCommand())
                .addSubcommand(new DrillCommand())
                .addSubcommand(new VagrantInventoryCommand())
                .addSubcommand(new CommandLine.HelpCommand())
                // `-e @vars.yml` is Ansible's spelling for a file of extra variables; picocli would otherwise
                // read @vars.yml as a file of command-line arguments before pgha sees it.
                .setExpandAtFiles(false);
    }
}
