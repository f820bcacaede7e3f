package io.pgha.verify.probe;

import com.fasterxml.jackson.jr.ob.JSON;
import io.pgha.verify.cluster.EtcdEndpoint;

import java.io.IOException;
import java.util.Map;

/** etcd's HTTP {@code /health}: "true" only when the member is up and its cluster has quorum. */
public final class EtcdClient {
    private final Http http;

    public EtcdClient(Http http) {
        this.http = http;
    }

    /** The member's health; {@code reason} is etcd's own explanation or the probe's error. */
    public record Health(EtcdEndpoint endpoint, boolean healthy, String reason) {
    }

    public Health health(EtcdEndpoint endpoint) {
        String url = endpoint.url() + "/health";
        try {
            Http.Reply r = http.get(url, null);
            Map<String, Object> json = JSON.std.mapFrom(r.body());
            boolean ok = r.status() == 200 && "true".equals(String.valueOf(json.get("health")));
            Object reason = json.get("reason");
            return new Health(endpoint, ok, ok ? "healthy"
                    : "GET " + url + " answered HTTP " + r.status() + " " + r.body().strip()
                    + (reason == null ? "" : " (" + reason + ")"));
        } catch (ProbeException e) {
            return new Health(endpoint, false, e.getMessage());
        } catch (IOException e) {
            return new Health(endpoint, false, "GET " + url + ": not JSON: " + e.getMessage());
        }
    }
}
