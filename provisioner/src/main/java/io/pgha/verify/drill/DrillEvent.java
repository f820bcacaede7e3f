package io.pgha.verify.drill;

/** A moment of a drill worth marking on the timeline. */
public record DrillEvent(long ms, Type type, String label) {
    public enum Type { FAULT, WRITES_FAIL, NEW_LEADER, WRITES_BACK, RESTORE, REJOINED }
}
