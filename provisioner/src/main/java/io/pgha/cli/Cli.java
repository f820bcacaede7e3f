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
                .addSubcommand(new CommandLine.HelpCommand());
    }
}
