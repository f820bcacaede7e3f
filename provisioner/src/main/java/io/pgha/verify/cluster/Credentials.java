package io.pgha.verify.cluster;

/** A user name and a password that is never printed. */
public record Credentials(String user, String password) {
    @Override
    public String toString() {
        return user + ":***";
    }
}
