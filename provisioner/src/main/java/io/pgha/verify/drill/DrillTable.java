package io.pgha.verify.drill;

import io.pgha.verify.cluster.Member;
import io.pgha.verify.probe.Db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The table the drill's writer fills: one row per acknowledged (or landed) insert, keyed by run and seq. */
public final class DrillTable {
    public static final String NAME = "pgha_drill_ledger";

    private final Db db;
    private final String runId;

    public DrillTable(Db db, String runId) {
        this.db = db;
        this.runId = runId;
    }

    public String runId() {
        return runId;
    }

    public static String insertSql() {
        return "INSERT INTO " + NAME + " (run_id, seq) VALUES (?, ?) RETURNING host(inet_server_addr()), "
                + "inet_server_port()";
    }

    public void create(String host, int port) throws SQLException {
        try (Connection c = db.connect(host, port); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS " + NAME + " (run_id text NOT NULL, seq bigint NOT NULL, "
                    + "written_at timestamptz NOT NULL DEFAULT clock_timestamp(), PRIMARY KEY (run_id, seq))");
        }
    }

    public void dropRun(String host, int port) throws SQLException {
        try (Connection c = db.connect(host, port);
             PreparedStatement ps = c.prepareStatement("DELETE FROM " + NAME + " WHERE run_id = ?")) {
            ps.setString(1, runId);
            ps.executeUpdate();
        }
    }

    /** Every row of this run, read on one node. */
    public List<StoredRow> rows(String host, int port) throws SQLException {
        try (Connection c = db.connect(host, port);
             PreparedStatement ps = c.prepareStatement("SELECT seq, (extract(epoch FROM written_at) * 1000000)::bigint"
                     + " FROM " + NAME + " WHERE run_id = ? ORDER BY seq")) {
            ps.setString(1, runId);
            List<StoredRow> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new StoredRow(rs.getLong(1), rs.getLong(2)));
                }
            }
            return rows;
        }
    }

    /** Row count and an md5 over the ordered seqs of this run, on one node: equal everywhere when consistent. */
    public String checksum(Member m) throws SQLException {
        try (Connection c = db.connect(m.address(), m.postgresPort());
             PreparedStatement ps = c.prepareStatement("SELECT count(*), coalesce(md5(string_agg(seq::text || '@' || "
                     + "written_at::text, ',' ORDER BY seq)), '-') FROM " + NAME + " WHERE run_id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) + " rows md5 " + rs.getString(2);
            }
        }
    }
}
