package io.pgha.facts;

/** Octal permission text as printed by stat. */
final class Modes {
    private Modes() {
    }

    static int parseOctal(String text, String path) throws FactException {
        try {
            return Integer.parseInt(text.strip(), 8);
        } catch (NumberFormatException e) {
            throw new FactException("unexpected mode '" + text + "' for " + path);
        }
    }
}
