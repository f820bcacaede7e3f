package io.pgha.verify.drill;

/**
 * One insert by the drill's writer.
 *
 * @param seq        sequence number, unique per run
 * @param startMs    when the attempt started (drill clock)
 * @param endMs      when the commit was acknowledged or the error seen
 * @param acked      whether the commit was acknowledged
 * @param servedBy   member that executed it (acked only), else null
 * @param error      the error (failed only), else null
 */
public record WriteAttempt(long seq, long startMs, long endMs, boolean acked, String servedBy, String error) {
}
