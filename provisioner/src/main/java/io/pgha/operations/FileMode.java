package io.pgha.operations;

/** Octal permission bits as users write them ("0640", "750", "1777"). */
final class FileMode {
    private FileMode() {
    }

    /** The bits, or null if the text is not a 3- or 4-digit octal number. */
    static Integer parse(String text) {
        String t = text.strip();
        if (!t.matches("[0-7]{3,4}")) {
            return null;
        }
        return Integer.parseInt(t, 8);
    }

    /** Four-digit form, as chmod and {@link io.pgha.transport.RemoteFile} take it. */
    static String format(int mode) {
        return String.format("%04o", mode);
    }

    /** Others may not read it (0600, 0640, 0750...): its content is treated as secret. */
    static boolean restricted(int mode) {
        return (mode & 0004) == 0;
    }
}
