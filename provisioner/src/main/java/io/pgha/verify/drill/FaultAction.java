package io.pgha.verify.drill;

/** The faults a drill injects and undoes; {@link #commandName()} is the {action} of a fault command. */
public enum FaultAction {
    STOP("stop"),
    KILL("kill"),
    START_SERVICE("start-service"),
    CRASH("crash"),
    START("start"),
    PARTITION("partition"),
    HEAL("heal");

    private final String commandName;

    FaultAction(String commandName) {
        this.commandName = commandName;
    }

    public String commandName() {
        return commandName;
    }
}
