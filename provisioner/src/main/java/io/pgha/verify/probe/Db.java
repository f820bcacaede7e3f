package io.pgha.verify.probe;

import io.pgha.verify.cluster.Credentials;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/**
 * JDBC connections with deadlines on every step (connect, login, socket, statement) so a dead primary
 * turns into a fast error rather than a hang.
 */
public final class Db {
    private final Credentials credentials;
    private final Duration connectTimeout;
    private final Duration socketTimeout;
    /** Null: no server-side statement timeout (see {@link #forAcknowledgedWrites}). */
    private final Duration statementTimeout;

    public Db(Credentials credentials, Duration timeout) {
        this(credentials, timeout, timeout.plusSeconds(1), timeout);
    }

    private Db(Credentials credentials, Duration connectTimeout, Duration socketTimeout, Duration statementTimeout) {
        this.credentials = credentials;
        this.connectTimeout = connectTimeout;
        this.socketTimeout = socketTimeout;
        this.statementTimeout = statementTimeout;
    }

    /**
     * Connections for a writer that counts acknowledged commits. No statement_timeout: cancelling a commit that
     * waits for a synchronous standby makes PostgreSQL acknowledge it (with only a warning) although no standby
     * has it, which would turn a safe wait into a "lost" write. The wait is bounded on the client side instead
     * (socket timeout): such a write counts as failed, and the ledger audit finds it if it committed after all.
     */
    public Db forAcknowledgedWrites(Duration connect, Duration read) {
        return new Db(credentials, connect, read, null);
    }

    public Connection connect(String host, int port) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", credentials.user());
        p.setProperty("password", credentials.password());
        long connectSecs = wholeSeconds(connectTimeout);
        p.setProperty("connectTimeout", Long.toString(connectSecs));
        p.setProperty("loginTimeout", Long.toString(connectSecs));
        p.setProperty("socketTimeout", Long.toString(wholeSeconds(socketTimeout)));
        if (statementTimeout != null) {
            p.setProperty("options", "-c statement_timeout=" + statementTimeout.toMillis());
        }
        p.setProperty("ApplicationName", "pgha");
        // No retries inside the driver: the caller measures every attempt.
        p.setProperty("tcpKeepAlive", "true");
        String h = host.contains(":") ? "[" + host + "]" : host;
        return DriverManager.getConnection("jdbc:postgresql://" + h + ":" + port + "/postgres", p);
    }

    /** The driver takes whole seconds, and 0 would mean "no limit". */
    private static long wholeSeconds(Duration d) {
        return Math.max(1, d.toSeconds());
    }
}
