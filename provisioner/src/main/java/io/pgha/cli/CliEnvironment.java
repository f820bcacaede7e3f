package io.pgha.cli;

import java.nio.file.Path;

/**
 * What the commands read from the process environment, passed in so tests control it.
 *
 * @param terminal whether standard output is a terminal (colours are only used there)
 * @param noColor  the NO_COLOR environment variable (any non-empty value turns colours off)
 * @param home     the pgha checkout: {@code site.yml} and {@code roles/} live here
 */
public record CliEnvironment(boolean terminal, String noColor, Path home) {

    public static CliEnvironment fromSystem() {
        String home = System.getProperty("pgha.home");
        if (home == null || home.isBlank()) {
            home = System.getenv("PGHA_HOME");
        }
        return new CliEnvironment(System.console() != null, System.getenv("NO_COLOR"),
                home == null || home.isBlank() ? Path.of("").toAbsolutePath() : Path.of(home));
    }
}
