package io.pgha.verify.probe;

import io.pgha.verify.cluster.Credentials;
import io.pgha.verify.cluster.Member;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** HAProxy's stats page as CSV ({@code <uri>;csv}): which servers each proxy considers up. */
public final class HaproxyStats {
    private final Http http;
    private final Credentials auth;
    private final String uri;

    public HaproxyStats(Http http, Credentials auth, String uri) {
        this.http = http;
        this.auth = auth;
        this.uri = uri;
    }

    /** One server line of the CSV; rise/fall are null on HAProxy versions that do not export them. */
    public record ServerRow(String proxy, String server, String status, String checkStatus, Integer rise,
                            Integer fall) {
        public boolean up() {
            return status.startsWith("UP");
        }
    }

    public List<ServerRow> servers(Member member) throws ProbeException {
        String url = member.statsUrl(uri) + ";csv";
        Http.Reply r = http.get(url, auth);
        if (r.status() == 401) {
            throw new ProbeException("GET " + url + ": HTTP 401, the stats credentials were refused");
        }
        if (r.status() != 200) {
            throw new ProbeException("GET " + url + ": HTTP " + r.status());
        }
        return parse(r.body());
    }

    static List<ServerRow> parse(String csv) throws ProbeException {
        String[] lines = csv.split("\r?\n");
        if (lines.length == 0 || !lines[0].startsWith("# ")) {
            throw new ProbeException("HAProxy stats: not a CSV export (no '# pxname,...' header)");
        }
        String[] header = lines[0].substring(2).split(",", -1);
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            col.put(header[i], i);
        }
        List<ServerRow> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",", -1);
            String sv = field(f, col, "svname");
            if (sv.isEmpty() || sv.equals("FRONTEND") || sv.equals("BACKEND")) {
                continue;
            }
            rows.add(new ServerRow(field(f, col, "pxname"), sv, field(f, col, "status"),
                    field(f, col, "check_status"), intField(f, col, "check_rise"), intField(f, col, "check_fall")));
        }
        return rows;
    }

    /** The servers of {@code proxy} that are UP: where that port's connections go now. */
    public static List<String> upServers(List<ServerRow> rows, String proxy) {
        return rows.stream().filter(r -> r.proxy().equals(proxy) && r.up()).map(ServerRow::server).toList();
    }

    public static Optional<ServerRow> anyServerOf(List<ServerRow> rows, String proxy) {
        return rows.stream().filter(r -> r.proxy().equals(proxy)).findFirst();
    }

    private static String field(String[] f, Map<String, Integer> col, String name) {
        Integer i = col.get(name);
        return i == null || i >= f.length ? "" : f[i];
    }

    private static Integer intField(String[] f, Map<String, Integer> col, String name) {
        String v = field(f, col, name);
        return v.isEmpty() ? null : Integer.valueOf(v);
    }
}
