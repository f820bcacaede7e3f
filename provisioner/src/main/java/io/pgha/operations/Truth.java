package io.pgha.operations;

import java.util.Locale;

/** YAML/Jinja-style boolean words, as rendered arguments carry them. */
final class Truth {
    private Truth() {
    }

    /** true/false for the usual spellings, null for anything else. */
    static Boolean parse(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> Boolean.TRUE;
            case "false", "no", "off", "0", "" -> Boolean.FALSE;
            default -> null;
        };
    }
}
