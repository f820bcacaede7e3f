package io.pgha.engine;

import java.util.List;

/**
 * The run cannot start because of its input (host patterns, preflight asserts, secrets): nothing
 * was connected to or changed. The CLI exits with the usage code.
 */
public class BadInputException extends Exception {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
    }
}
