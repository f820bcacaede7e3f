package io.pgha.cli;

/** Entry point of the shaded jar ({@code bin/pgha}). */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(Cli.commandLine(new DefaultToolkit(), CliEnvironment.fromSystem()).execute(args));
    }
}
