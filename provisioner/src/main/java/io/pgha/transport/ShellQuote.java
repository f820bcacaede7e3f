package io.pgha.transport;

import java.util.List;
import java.util.stream.Collectors;

/** The one place that quotes words for a POSIX shell. */
public final class ShellQuote {
    private ShellQuote() {
    }

    /** Quotes one word so that {@code sh} reads it back literally. */
    public static String quote(String word) {
        if (!word.isEmpty() && word.matches("[A-Za-z0-9_@%+=:,./-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\"'\"'") + "'";
    }

    /** Quotes and joins words into one command line. */
    public static String join(List<String> words) {
        return words.stream().map(ShellQuote::quote).collect(Collectors.joining(" "));
    }

    public static String join(String... words) {
        return join(List.of(words));
    }
}
