package io.pgha.operations;

import java.util.List;

/**
 * How one managed file differs from what is wanted.
 *
 * @param actions        empty when the file is already right
 * @param contentChanged the content (not only owner or mode) is written
 * @param summary        what changes, for the result line
 * @param diff           unified diff (or a "content hidden" note) when the content changes, else null
 */
record FileChange(String path, List<Action> actions, boolean contentChanged, String summary, String diff) {

    boolean changes() {
        return !actions.isEmpty();
    }

    Plan toPlan() {
        return changes() ? Plan.change(summary, actions).withDiff(diff) : Plan.noChange(path + " is up to date");
    }
}
