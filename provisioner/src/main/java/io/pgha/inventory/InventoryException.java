package io.pgha.inventory;

import io.pgha.yaml.Problem;
import io.pgha.yaml.YamlException;

/**
 * An inventory, vars file or secrets file that cannot be used. {@link #getMessage()} is the full user-facing text:
 * {@code FILE:LINE: key 'KEY': what is wrong. Hint: what to do}.
 */
public class InventoryException extends Exception {
    private final transient Problem problem;

    public InventoryException(Problem problem) {
        super(problem.toString());
        this.problem = problem;
    }

    public InventoryException(YamlException cause) {
        super(cause.getMessage(), cause);
        this.problem = cause.problem();
    }

    public Problem problem() {
        return problem;
    }
}
