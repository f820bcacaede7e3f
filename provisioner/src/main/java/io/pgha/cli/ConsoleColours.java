package io.pgha.cli;

/** Colours only on a terminal and never when NO_COLOR is set (https://no-color.org). */
final class ConsoleColours {
    private ConsoleColours() {
    }

    static boolean wanted(CliEnvironment environment) {
        return environment.terminal() && (environment.noColor() == null || environment.noColor().isEmpty());
    }
}
