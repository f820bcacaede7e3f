package io.pgha.facts;

import java.util.List;

/**
 * A fact that one command can read for many at once: one {@code stat} and one {@code sha256sum} for twelve
 * files instead of twelve of each. Planning ahead, the engine merges the facts of one kind that a host's tasks
 * ask in the same round and gives each fact the value it would have read alone.
 *
 * @param <T> what the fact tells
 */
public interface MergeableFact<T> extends Fact<T> {

    /** Facts with the same merger read together through it; one merger per kind of fact. */
    Merger merger();

    /** Reads many facts of one kind in one command. */
    interface Merger {
        /**
         * One fact that reads all of these (all of this merger's kind, with distinct commands); its value lists each
         * one's value, in their order, equal to what each would have parsed from its own command.
         */
        Fact<List<Object>> merge(List<? extends Fact<?>> facts);
    }
}
