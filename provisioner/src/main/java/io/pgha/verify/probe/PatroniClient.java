package io.pgha.verify.probe;

import com.fasterxml.jackson.jr.ob.JSON;
import io.pgha.verify.cluster.Credentials;
import io.pgha.verify.cluster.Member;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Patroni's REST API on one member. Unsafe calls (switchover) send the configured basic-auth credentials. */
public final class PatroniClient {
    private final Http http;
    private final Credentials auth;

    public PatroniClient(Http http, Credentials auth) {
        this.http = http;
        this.auth = auth;
    }

    /** {@code GET /cluster} as seen by {@code member}. */
    public List<PatroniMember> cluster(Member member) throws ProbeException {
        Map<String, Object> json = getJson(member, "/cluster");
        List<PatroniMember> out = new ArrayList<>();
        if (json.get("members") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m) {
                    out.add(parseMember(m));
                }
            }
        }
        return out;
    }

    static PatroniMember parseMember(Map<?, ?> m) {
        Object lag = m.get("lag");
        Long lagBytes = lag instanceof Number n ? Long.valueOf(n.longValue()) : null;
        Object tl = m.get("timeline");
        Integer timeline = tl instanceof Number n ? Integer.valueOf(n.intValue()) : null;
        Object port = m.get("port");
        return new PatroniMember(String.valueOf(m.get("name")), String.valueOf(m.get("role")),
                String.valueOf(m.get("state")), String.valueOf(m.get("host")),
                port instanceof Number n ? n.intValue() : 0, timeline, lagBytes);
    }

    /** {@code GET /patroni}: the member's own view (state, role, timeline, Patroni version). */
    public Map<String, Object> patroni(Member member) throws ProbeException {
        return getJson(member, "/patroni");
    }

    /** {@code GET /primary}: 200 only on the leader (what HAProxy checks). */
    public boolean isPrimary(Member member) throws ProbeException {
        return http.get(member.restUrl() + "/primary", null).status() == 200;
    }

    /** {@code GET /replica}: 200 on a healthy replica. */
    public boolean isReplica(Member member) throws ProbeException {
        return http.get(member.restUrl() + "/replica", null).status() == 200;
    }

    public PatroniConfig config(Member member) throws ProbeException {
        Map<String, Object> c = getJson(member, "/config");
        return new PatroniConfig(intOf(c, "ttl", 30), intOf(c, "loop_wait", 10), intOf(c, "retry_timeout", 10),
                Boolean.TRUE.equals(c.get("synchronous_mode")) || "on".equals(c.get("synchronous_mode")),
                c.get("maximum_lag_on_failover") instanceof Number n ? n.longValue() : 1048576L,
                c.containsKey("primary_start_timeout") ? intOf(c, "primary_start_timeout", 300)
                        : intOf(c, "master_start_timeout", 300));
    }

    /** {@code POST /switchover} with credentials; returns Patroni's reply (200 means done). */
    public Http.Reply switchover(Member via, String leader, String candidate) throws ProbeException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("leader", leader);
        body.put("candidate", candidate);
        return http.post(via.restUrl() + "/switchover", toJson(body), auth, Duration.ofSeconds(60));
    }

    /**
     * {@code POST /reload} without credentials: a protected API answers 401 and does nothing; an unprotected
     * one would merely reload the configuration, so the probe is harmless either way.
     */
    public int unauthenticatedReloadStatus(Member member) throws ProbeException {
        return http.post(member.restUrl() + "/reload", "", null).status();
    }

    private Map<String, Object> getJson(Member member, String path) throws ProbeException {
        String url = member.restUrl() + path;
        Http.Reply r = http.get(url, null);
        // /patroni answers 503 with a full JSON body when PostgreSQL is down: still useful.
        if (r.status() != 200 && r.status() != 503) {
            throw new ProbeException("GET " + url + ": HTTP " + r.status());
        }
        try {
            return JSON.std.mapFrom(r.body());
        } catch (IOException e) {
            throw new ProbeException("GET " + url + ": not JSON: " + e.getMessage(), e);
        }
    }

    private static int intOf(Map<String, Object> m, String key, int fallback) {
        return m.get(key) instanceof Number n ? n.intValue() : fallback;
    }

    private static String toJson(Object o) {
        try {
            return JSON.std.asString(o);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
