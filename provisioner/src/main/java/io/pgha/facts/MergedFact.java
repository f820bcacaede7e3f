package io.pgha.facts;

import io.pgha.transport.ExecResult;

import java.util.List;

/** The fact a {@link MergeableFact.Merger} builds: one command, parsed into the value of each merged fact. */
final class MergedFact implements Fact<List<Object>> {
    /** Turns the merged command's result into each merged fact's value, in order. */
    @FunctionalInterface
    interface Splitter {
        List<Object> split(ExecResult result) throws FactException;
    }

    private final String command;
    private final Splitter splitter;

    MergedFact(String command, Splitter splitter) {
        this.command = command;
        this.splitter = splitter;
    }

    @Override
    public String command() {
        return command;
    }

    @Override
    public List<Object> parse(ExecResult result) throws FactException {
        return splitter.split(result);
    }
}
