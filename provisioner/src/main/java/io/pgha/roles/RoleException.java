package io.pgha.roles;

import io.pgha.yaml.Problem;
import io.pgha.yaml.YamlException;

/**
 * A playbook or role file that cannot be used. {@link #getMessage()} is the full user-facing text:
 * {@code FILE:LINE: key 'KEY': what is wrong. Hint: what to do}.
 */
public class RoleException extends Exception {
    private final transient Problem problem;

    public RoleException(Problem problem) {
        super(problem.toString());
        this.problem = problem;
    }

    public RoleException(YamlException cause) {
        super(cause.getMessage(), cause);
        this.problem = cause.problem();
    }

    public Problem problem() {
        return problem;
    }
}
