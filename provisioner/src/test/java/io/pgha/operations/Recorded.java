package io.pgha.operations;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Output of {@link io.pgha.facts.FilesFact}'s command as a host would print it, for scripted contexts. */
final class Recorded {
    private Recorded() {
    }

    /** The file exists with exactly this content (so its content is not sent). */
    static String file(int index, String owner, String group, String mode, String content) {
        return "@@pgha:f" + index + "\nfile\t" + owner + "\t" + group + "\t" + mode + "\t" + sha(content) + "\n";
    }

    /** The file exists with other content, which the fact sends back for the diff. */
    static String changedFile(int index, String owner, String group, String mode, String oldContent) {
        return "@@pgha:f" + index + "\nfile\t" + owner + "\t" + group + "\t" + mode + "\t" + sha(oldContent)
                + "\ncontent " + Base64.getEncoder().encodeToString(oldContent.getBytes(StandardCharsets.UTF_8)) + "\n";
    }

    static String absent(int index) {
        return "@@pgha:f" + index + "\nabsent\n";
    }

    static String absentWithoutParent(int index) {
        return "@@pgha:f" + index + "\nabsent\nnoparent\n";
    }

    static String sha(String content) {
        return ManagedFiles.sha256(content.getBytes(StandardCharsets.UTF_8));
    }
}
