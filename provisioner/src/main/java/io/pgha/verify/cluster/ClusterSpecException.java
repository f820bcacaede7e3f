package io.pgha.verify.cluster;

/** The inventory or secrets do not describe a cluster verification can reach; the message says what to fix. */
public class ClusterSpecException extends RuntimeException {
    public ClusterSpecException(String message) {
        super(message);
    }
}
