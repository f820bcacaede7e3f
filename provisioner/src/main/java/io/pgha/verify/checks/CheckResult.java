package io.pgha.verify.checks;

import java.time.Duration;

/**
 * The outcome of one check.
 *
 * @param observed what was seen (always filled, pass or fail)
 * @param expected what a healthy cluster shows (shown on failure)
 * @param lookAt   where an operator should look next (shown on failure)
 */
public record CheckResult(String name, boolean passed, String observed, String expected, String lookAt,
                          Duration elapsed) {

    public static CheckResult pass(String name, String observed, Duration elapsed) {
        return new CheckResult(name, true, observed, null, null, elapsed);
    }

    public static CheckResult fail(String name, String observed, String expected, String lookAt, Duration elapsed) {
        return new CheckResult(name, false, observed, expected, lookAt, elapsed);
    }

    /** One line for a pass; for a failure, what was seen, what was expected and where to look. */
    public String message() {
        if (passed) {
            return "PASS " + name + ": " + observed;
        }
        return "FAIL " + name + ": " + observed + "\n     expected: " + expected + "\n     look at: " + lookAt;
    }
}
