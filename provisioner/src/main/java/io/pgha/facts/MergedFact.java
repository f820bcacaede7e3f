package io.pgha.facts;

import io.pgha.transport.ExecResult;

import java.util.List;

/**
 * The fact a {@link MergeableFact.Merger} builds: one command, parsed into the value of each merged fact.
 *
 * @param command  the merged command
 * @param splitter turns its result into each merged fact's value, in order
 */
record MergedFact(String command, Splitter splitter) implements Fact<List<Object>> {
    @FunctionalInterface
    interface Splitter {
        List<Object> split(ExecResult result) throws FactException;
    }

    @Override
    public List<Object> parse(ExecResult result) throws FactException {
        return splitter.split(result);
    }
}
