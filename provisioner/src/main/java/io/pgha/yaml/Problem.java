package io.pgha.yaml;

/**
 * What is wrong in an input file and what to do about it, formatted the same way by every loader:
 * {@code FILE:LINE[:COLUMN]: [key 'KEY': ]what is wrong. Hint: what to do}.
 *
 * @param file   the file as the user named it (never null)
 * @param line   1-based line, or 0 when the problem concerns the whole file
 * @param column 1-based column, or 0 when unknown
 * @param key    the key concerned, or null
 * @param what   what is wrong, without a final period
 * @param hint   what to do, or null
 */
public record Problem(String file, int line, int column, String key, String what, String hint) {

    public static Problem at(String file, int line, String key, String what, String hint) {
        return new Problem(file, line, 0, key, what, hint);
    }

    public static Problem in(YamlMap map, String key, String what, String hint) {
        return at(map.file(), map.line(key), key, what, hint);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(file);
        if (line > 0) {
            text.append(':').append(line);
            if (column > 0) {
                text.append(':').append(column);
            }
        }
        text.append(": ");
        if (key != null) {
            text.append("key '").append(key).append("': ");
        }
        text.append(what).append('.');
        if (hint != null) {
            text.append(" Hint: ").append(hint);
        }
        return text.toString();
    }
}
