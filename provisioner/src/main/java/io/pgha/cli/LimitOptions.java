package io.pgha.cli;

import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** Host selection, for the commands that can work on part of the inventory (not the cluster-wide ones). */
final class LimitOptions {
    @Option(names = {"-l", "--limit"}, split = ",", paramLabel = "PATTERN",
            description = "only these hosts or groups (comma-separated)")
    List<String> patterns = new ArrayList<>();
}
