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
    private final Duration timeout;

    public Db(Credentials credentials, Duration timeout) {
        this.credentials = credentials;
        this.timeout = timeout;
    }

    public Connection connect(String host, int port) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", credentials.user());
        p.setProperty("password", credentials.password());
        long secs = Math.max(1, timeout.toSeconds());
        p.setProperty("connectTimeout", Long.toString(secs));
        p.setProperty("loginTimeout", Long.toString(secs));
        p.setProperty("socketTimeout", Long.toString(secs + 1));
        p.setProperty("options", "-c statement_timeout=" + timeout.toMillis());
        p.setProperty("ApplicationName", "pgha");
        // No retries inside the driver: the caller measures every attempt.
        p.setProperty("tcpKeepAlive", "true");
        String h = host.contains(":") ? "[" + host + "]" : host;
        return DriverManager.getConnection("jdbc:postgresql://" + h + ":" + port + "/postgres", p);
    }
}
