package io.pgha.yaml;

import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

/** Turns snakeyaml-engine's syntax errors into one line with a position and a hint for the usual causes. */
final class SyntaxHints {
    private SyntaxHints() {
    }

    static Problem problem(String file, MarkedYamlEngineException e) {
        Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
        String problem = e.getProblem() == null ? "" : e.getProblem().trim();
        String context = e.getContext() == null ? "" : e.getContext().trim();
        String what = "YAML syntax error: " + (context.isEmpty() ? problem : context + ": " + problem)
                .replace('\n', ' ');
        Mark start = e.getContextMark().orElse(null);
        if (start != null && mark != null && start.getLine() != mark.getLine()) {
            // An unclosed quote or bracket is noticed far from where it was opened.
            what += " (started at line " + (start.getLine() + 1) + ")";
        }
        return new Problem(file, mark == null ? 0 : mark.getLine() + 1, mark == null ? 0 : mark.getColumn() + 1,
                null, what, hint(problem, context));
    }

    private static String hint(String problem, String context) {
        if (problem.contains("\\t(TAB)")) {
            return "indent with spaces, not tabs";
        }
        if (problem.contains("mapping values are not allowed")) {
            return "check the indentation of this line against the line above; "
                    + "a value that contains ': ' must be quoted";
        }
        if (problem.contains("cannot start any token")) {
            return "a value starting with this character must be quoted, e.g. \"@value\"";
        }
        if (context.contains("quoted scalar")) {
            return "close the quote; inside double quotes write \\\" for a quote";
        }
        if (context.contains("flow sequence") || context.contains("flow mapping")) {
            return "close the bracket, separate items with ', ', and quote values that contain ':', '{' or '['";
        }
        if (problem.contains("undefined alias")) {
            return "define the anchor (&name) before using *name, or quote a value that starts with '*'";
        }
        if (problem.contains("expected a single document")) {
            return "keep one document per file (remove the extra '---')";
        }
        if (context.contains("block mapping") || context.contains("block collection")
                || problem.contains("could not find expected ':'")) {
            return "check the indentation: keys of one mapping line up, list items start with '- '";
        }
        return "check the indentation and quoting near this position";
    }
}
