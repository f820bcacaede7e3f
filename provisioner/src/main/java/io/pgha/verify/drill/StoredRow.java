package io.pgha.verify.drill;

/** A row of the drill table as read back after the drill: its sequence number and server commit time. */
public record StoredRow(long seq, long writtenAtMicros) {
}
