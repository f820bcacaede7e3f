package io.pgha.operations;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Output of {@link io.pgha.facts.FilesFact}'s command as a host would print it, for scripted contexts: each method
 * gives the output for one file; {@link #files} joins those of several files into the output of one command.
 */
final class Recorded {
    private static final String MARK = "@@pgha:";

    private Recorded() {
    }

    /** The file exists with exactly this content (so its content is not sent). */
    static String file(String owner, String group, String mode, String content) {
        return file(owner, group, mode, content, 1_700_000_000L);
    }

    /** The file exists with this content, last modified at {@code modified} (seconds since the epoch). */
    static String file(String owner, String group, String mode, String content, long modified) {
        return MARK + "paths\ne\n" + MARK + "stat\nregular file\t" + owner + "\t" + group + "\t" + mode + "\t"
                + modified + "\n" + MARK + "sha\n" + sha(content) + "  /path\n";
    }

    /** The file exists with other content, which the fact sends back for the diff. */
    static String changedFile(String owner, String group, String mode, String oldContent) {
        return file(owner, group, mode, oldContent) + MARK + "c0\n"
                + Base64.getEncoder().encodeToString(oldContent.getBytes(StandardCharsets.UTF_8)) + "\n";
    }

    static String absent() {
        return MARK + "paths\na\n";
    }

    static String absentWithoutParent() {
        return MARK + "paths\nan\n";
    }

    /** One command's output for several files, from each file's own output (in the order of the fact's queries). */
    static String files(String... outputs) {
        Map<String, StringBuilder> sections = new LinkedHashMap<>();
        List.of("paths", "stat", "sha").forEach(name -> sections.put(name, new StringBuilder()));
        for (int i = 0; i < outputs.length; i++) {
            String section = null;
            for (String line : outputs[i].split("\n")) {
                if (line.startsWith(MARK)) {
                    String name = line.substring(MARK.length());
                    section = name.equals("c0") ? "c" + i : name;
                    sections.computeIfAbsent(section, k -> new StringBuilder());
                } else {
                    sections.get(section).append(line).append('\n');
                }
            }
        }
        StringBuilder out = new StringBuilder();
        sections.forEach((name, text) -> out.append(MARK).append(name).append('\n').append(text));
        return out.toString();
    }

    static String sha(String content) {
        return ManagedFiles.sha256(content.getBytes(StandardCharsets.UTF_8));
    }
}
