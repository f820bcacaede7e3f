package io.pgha.verify;

import io.pgha.verify.probe.EtcdClient;
import io.pgha.verify.probe.PatroniMember;
import io.pgha.verify.report.TextTable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders a {@link ClusterStatus} as tables (like {@code patronictl list}) or as JSON. */
public final class StatusPrinter {
    private StatusPrinter() {
    }

    public static String text(ClusterStatus s) {
        StringBuilder sb = new StringBuilder();
        if (s.askedVia() == null) {
            sb.append("Patroni: no member's REST API answered:\n");
            s.patroniErrors().forEach(e -> sb.append("  ").append(e).append('\n'));
        } else {
            sb.append("Patroni cluster (as reported by ").append(s.askedVia()).append(")\n");
            TextTable t = new TextTable("Member", "Host", "Role", "State", "TL", "Lag in MB");
            for (PatroniMember m : s.members()) {
                t.row(m.name(), m.host() + ":" + m.port(), displayRole(m), m.state(),
                        m.timeline() == null ? "" : m.timeline(), lag(m));
            }
            sb.append(t.render());
        }
        sb.append("etcd\n");
        TextTable e = new TextTable("Member", "Endpoint", "Health");
        for (EtcdClient.Health h : s.etcd()) {
            e.row(h.endpoint().name(), h.endpoint().url(), h.healthy() ? "healthy" : "UNHEALTHY: " + h.reason());
        }
        sb.append(e.render());
        sb.append("HAProxy primary port\n");
        TextTable r = new TextTable("HAProxy on", "Port", "Sends to");
        for (ClusterStatus.Routing ro : s.routing()) {
            r.row(ro.member(), ro.port(), ro.error() != null ? "ERROR: " + ro.error()
                    : ro.upServers().isEmpty() ? "nobody (no server UP)" : String.join(", ", ro.upServers()));
        }
        return sb.append(r.render()).toString();
    }

    public static Map<String, Object> json(ClusterStatus s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("asked_via", s.askedVia());
        List<Object> members = new ArrayList<>();
        for (PatroniMember m : s.members()) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("name", m.name());
            j.put("host", m.host());
            j.put("port", m.port());
            j.put("role", m.role());
            j.put("state", m.state());
            j.put("timeline", m.timeline());
            j.put("lag_bytes", m.lagBytes());
            members.add(j);
        }
        out.put("members", members);
        out.put("patroni_errors", s.patroniErrors());
        List<Object> etcd = new ArrayList<>();
        for (EtcdClient.Health h : s.etcd()) {
            etcd.add(Map.of("member", h.endpoint().name(), "endpoint", h.endpoint().url(), "healthy", h.healthy(),
                    "detail", h.reason()));
        }
        out.put("etcd", etcd);
        List<Object> routing = new ArrayList<>();
        for (ClusterStatus.Routing ro : s.routing()) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("haproxy_on", ro.member());
            j.put("port", ro.port());
            j.put("up_servers", ro.upServers());
            j.put("error", ro.error());
            routing.add(j);
        }
        out.put("haproxy_primary", routing);
        return out;
    }

    private static String displayRole(PatroniMember m) {
        if (m.isLeader()) {
            return "Leader";
        }
        String r = m.role().replace('_', ' ');
        return r.isEmpty() ? r : Character.toUpperCase(r.charAt(0)) + r.substring(1);
    }

    private static String lag(PatroniMember m) {
        if (m.isLeader()) {
            return "";
        }
        return m.lagBytes() == null ? "unknown"
                : String.format(Locale.ROOT, "%.1f", m.lagBytes() / (1024.0 * 1024.0));
    }
}
