package io.pgha.verify.probe;

import io.pgha.verify.cluster.Credentials;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** One shared HTTP client with short deadlines: a dead member must answer "unreachable" fast, not hang. */
public final class Http {
    private final HttpClient client;
    private final Duration requestTimeout;

    public Http(Duration connectTimeout, Duration requestTimeout) {
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
        this.requestTimeout = requestTimeout;
    }

    public static Http withDefaults() {
        return new Http(Duration.ofSeconds(2), Duration.ofSeconds(3));
    }

    /** A status code and body; any status is a normal reply. */
    public record Reply(int status, String body) {
    }

    public Reply get(String url, Credentials auth) throws ProbeException {
        return send(request(url, auth).GET().build());
    }

    public Reply post(String url, String jsonBody, Credentials auth) throws ProbeException {
        return send(request(url, auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8)).build());
    }

    public Reply post(String url, String jsonBody, Credentials auth, Duration timeout) throws ProbeException {
        return send(request(url, auth).timeout(timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8)).build());
    }

    private HttpRequest.Builder request(String url, Credentials auth) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(requestTimeout);
        if (auth != null) {
            String token = Base64.getEncoder().encodeToString(
                    (auth.user() + ":" + auth.password()).getBytes(StandardCharsets.UTF_8));
            b.header("Authorization", "Basic " + token);
        }
        return b;
    }

    private Reply send(HttpRequest request) throws ProbeException {
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(r.statusCode(), r.body());
        } catch (HttpTimeoutException e) {
            throw new ProbeException(request.method() + " " + request.uri() + ": no answer within "
                    + request.timeout().map(Duration::toMillis).orElse(0L) + " ms", e);
        } catch (ConnectException e) {
            throw new ProbeException(request.method() + " " + request.uri() + ": connection refused", e);
        } catch (IOException e) {
            throw new ProbeException(request.method() + " " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProbeException(request.method() + " " + request.uri() + ": interrupted", e);
        }
    }
}
