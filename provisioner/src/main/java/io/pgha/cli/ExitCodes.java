package io.pgha.cli;

/** pgha's exit codes, the same for every command. */
public final class ExitCodes {
    /** Everything ran and nothing failed. */
    public static final int OK = 0;
    /** A task (or a check) failed on at least one host. */
    public static final int FAILED = 1;
    /** Bad command line, inventory, roles or preflight: nothing was changed. */
    public static final int USAGE = 2;
    /** Some hosts were unreachable, nothing else failed. */
    public static final int UNREACHABLE = 3;

    private ExitCodes() {
    }
}
