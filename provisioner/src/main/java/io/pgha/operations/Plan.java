package io.pgha.operations;

import java.util.List;

/**
 * What a module decided: the actions to apply (empty means the host already matches), a short
 * message for the result line, and an optional unified diff shown with {@code --diff}.
 */
public record Plan(List<Action> actions, String message, String diff) {

    public Plan {
        actions = List.copyOf(actions);
    }

    public static Plan noChange(String message) {
        return new Plan(List.of(), message, null);
    }

    public static Plan change(String message, List<Action> actions) {
        return new Plan(actions, message, null);
    }

    public Plan withDiff(String unifiedDiff) {
        return new Plan(actions, message, unifiedDiff);
    }

    public boolean changes() {
        return !actions.isEmpty();
    }
}
