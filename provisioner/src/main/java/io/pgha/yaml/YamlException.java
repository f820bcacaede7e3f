package io.pgha.yaml;

/** A YAML file that cannot be read: unreadable, bad syntax or a duplicate key. The message is user-facing. */
public class YamlException extends Exception {
    private final transient Problem problem;

    public YamlException(Problem problem) {
        super(problem.toString());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
