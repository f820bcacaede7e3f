package io.pgha.operations;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/** Unified diffs for --diff (java-diff-utils), with the cases where text must not be shown. */
final class TextDiff {
    private static final int CONTEXT_LINES = 3;

    private TextDiff() {
    }

    /**
     * A unified diff from {@code before} (null: the file does not exist) to {@code after}, or a
     * one-line note when either side is not UTF-8 text.
     */
    static String unified(String path, byte[] before, byte[] after) {
        String oldText = before == null ? "" : utf8(before);
        String newText = utf8(after);
        if (oldText == null || newText == null) {
            return header(path, before == null) + "binary content differs\n";
        }
        List<String> oldLines = lines(oldText);
        List<String> newLines = lines(newText);
        Patch<String> patch = DiffUtils.diff(oldLines, newLines);
        List<String> diff = UnifiedDiffUtils.generateUnifiedDiff(
                before == null ? "/dev/null" : path, path, oldLines, patch, CONTEXT_LINES);
        return String.join("\n", diff) + "\n";
    }

    /** What --diff shows for a file whose content must stay private. */
    static String hidden(String path, boolean created, String why) {
        return header(path, created) + "content hidden (" + why + ")\n";
    }

    /** What --diff shows when the old content could not be fetched (too large to diff). */
    static String unavailable(String path) {
        return header(path, false) + "content differs (file too large to diff)\n";
    }

    private static String header(String path, boolean created) {
        return "--- " + (created ? "/dev/null" : path) + "\n+++ " + path + "\n";
    }

    private static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return Arrays.asList(body.split("\n", -1));
    }

    private static String utf8(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.indexOf('\0') >= 0 ? null : text;
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
