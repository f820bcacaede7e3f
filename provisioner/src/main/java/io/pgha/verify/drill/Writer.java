package io.pgha.verify.drill;

import io.pgha.verify.probe.Db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Inserts sequence-numbered rows through one HAProxy primary port at a steady rate, each in its own
 * autocommit transaction, and records every attempt in the {@link Ledger}. A failed attempt drops the
 * connection; the next attempt reconnects (with the driver's connect/statement deadlines, so a dead primary
 * costs at most a few seconds per attempt, never a hang).
 */
public final class Writer implements AutoCloseable {
    private final Db db;
    private final String host;
    private final int port;
    private final String runId;
    private final Duration interval;
    private final DrillClock clock;
    private final Ledger ledger;
    private final Map<String, String> memberByServer;
    private final AtomicBoolean running = new AtomicBoolean();
    private Thread thread;
    private Connection connection;

    /**
     * @param memberByServer "address:port" of each PostgreSQL to its member name, to say who served a write
     */
    public Writer(Db db, String host, int port, String runId, Duration interval, DrillClock clock, Ledger ledger,
                  Map<String, String> memberByServer) {
        this.db = db;
        this.host = host;
        this.port = port;
        this.runId = runId;
        this.interval = interval;
        this.clock = clock;
        this.ledger = ledger;
        this.memberByServer = Map.copyOf(memberByServer);
    }

    public void start() {
        running.set(true);
        thread = new Thread(this::loop, "pgha-drill-writer");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        long seq = 0;
        long next = clock.millis();
        while (running.get()) {
            seq++;
            long start = clock.millis();
            try {
                String server = insert(seq);
                ledger.add(new WriteAttempt(seq, start, clock.millis(), true,
                        memberByServer.getOrDefault(server, server), null));
            } catch (SQLException e) {
                ledger.add(new WriteAttempt(seq, start, clock.millis(), false, null, oneLine(e)));
                closeConnection();
            }
            // Fixed rate, not fixed delay: a slow attempt does not shift the schedule, and a late one runs at once.
            next += interval.toMillis();
            long wait = next - clock.millis();
            if (wait > 0) {
                sleep(wait);
            } else {
                next = clock.millis();
            }
        }
        closeConnection();
    }

    private String insert(long seq) throws SQLException {
        if (connection == null) {
            connection = db.connect(host, port);
        }
        try (PreparedStatement ps = connection.prepareStatement(DrillTable.insertSql())) {
            ps.setString(1, runId);
            ps.setLong(2, seq);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1) + ":" + rs.getInt(2);
            }
        }
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // The connection is already broken; nothing to release.
            }
            connection = null;
        }
    }

    private static String oneLine(SQLException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return (e.getSQLState() == null ? "" : e.getSQLState() + " ") + (nl < 0 ? m : m.substring(0, nl));
    }

    private void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
        }
    }

    /** Stops after the attempt in flight and waits for the thread to end. */
    @Override
    public void close() {
        running.set(false);
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(15).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
