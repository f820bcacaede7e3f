package io.pgha.facts;

/**
 * What a URL answered ({@link HttpFact}).
 *
 * @param status HTTP status, 0 when there was no HTTP answer
 * @param body   the answer's body (empty without an answer)
 * @param error  why there was no answer (curl's message), empty with one
 */
public record HttpAnswer(int status, String body, String error) {
    /** In words, for messages: "HTTP 503" or "no HTTP answer (Failed to connect ...)". */
    public String describe() {
        return status == 0 ? "no HTTP answer (" + error + ")" : "HTTP " + status;
    }
}
