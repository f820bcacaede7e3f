package io.pgha.engine;

/** ANSI colours for the console, or plain text when colour is off. */
final class Style {
    private static final String RESET = "\u001b[0m";

    private final boolean colour;

    Style(boolean colour) {
        this.colour = colour;
    }

    String status(TaskStatus status, String text) {
        return switch (status) {
            case OK -> paint("32", text);
            case CHANGED -> paint("33", text);
            case FAILED, UNREACHABLE -> paint("31", text);
            case SKIPPED -> paint("36", text);
        };
    }

    String diff(String line) {
        if (line.startsWith("+") && !line.startsWith("+++")) {
            return paint("32", line);
        }
        if (line.startsWith("-") && !line.startsWith("---")) {
            return paint("31", line);
        }
        return line;
    }

    String bold(String text) {
        return paint("1", text);
    }

    String dim(String text) {
        return paint("2", text);
    }

    private String paint(String code, String text) {
        return colour ? "\u001b[" + code + "m" + text + RESET : text;
    }
}
