package io.pgha.facts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits the output of a batched fact command into named sections, so one SSH round trip can
 * answer several questions. The command prints {@link #marker(String)} before each section.
 */
final class Sections {
    private static final String PREFIX = "@@pgha:";

    private Sections() {
    }

    /** Shell text that starts a section; the name must be a plain word. */
    static String marker(String name) {
        return "echo " + PREFIX + name;
    }

    /** Section name to its text (lines joined by \n, without the trailing newline). */
    static Map<String, String> parse(String stdout) {
        Map<String, String> sections = new LinkedHashMap<>();
        String current = null;
        StringBuilder text = new StringBuilder();
        for (String line : (stdout == null ? "" : stdout).split("\n", -1)) {
            if (line.startsWith(PREFIX)) {
                if (current != null) {
                    sections.put(current, stripLastNewline(text));
                }
                current = line.substring(PREFIX.length()).strip();
                text.setLength(0);
            } else if (current != null) {
                text.append(line).append('\n');
            }
        }
        if (current != null) {
            sections.put(current, stripLastNewline(text));
        }
        return sections;
    }

    /** A section's lines; none for a missing or empty section. */
    static List<String> lines(String section) {
        return section == null || section.isEmpty() ? List.of() : List.of(section.split("\n"));
    }

    private static String stripLastNewline(StringBuilder text) {
        String s = text.toString();
        // The split keeps an empty piece after the final newline; drop the newline it added.
        while (s.endsWith("\n")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
