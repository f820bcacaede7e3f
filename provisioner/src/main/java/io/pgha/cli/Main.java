package io.pgha.cli;

import io.pgha.transport.SshTransportFactory;

/** Entry point of the shaded jar ({@code bin/pgha}). */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // While picocli builds the command tree: the SSH client's class initialisation, which the first
        // connection would otherwise wait for (the client itself needs the inventory's settings).
        SshTransportFactory.preloadInBackground();
        System.exit(Cli.commandLine(new DefaultToolkit(), CliEnvironment.fromSystem()).execute(args));
    }
}
