package io.pgha.facts;

import com.sun.net.httpserver.HttpServer;
import io.pgha.transport.ExecResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The real curl against a local HTTP server: one URL, and several merged into one curl. */
class HttpFactTest {
    private HttpServer server;
    private String base;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        reply("/health", 200, "{\"health\":\"true\"}");
        reply("/down", 503, "{\"health\":\"false\",\"reason\":\"RAFT NO LEADER\"}\n");
        reply("/empty", 200, "");
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void reply(String path, int status, String body) {
        server.createContext(path, exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void oneUrl() {
        assumeTrue(LocalShell.has("curl"), "the fact runs curl");
        HttpFact fact = new HttpFact(base + "/health");

        HttpAnswer answer = parse(fact, LocalShell.run(fact.command()));

        assertThat(answer).isEqualTo(new HttpAnswer(200, "{\"health\":\"true\"}", ""));
        assertThat(answer.describe()).isEqualTo("HTTP 200");
    }

    @Test
    void mergedUrlsAreEachAnsweredInOrderWhateverTheOthersDid() throws Exception {
        assumeTrue(LocalShell.has("curl"), "the fact runs curl");
        int closed;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = free.getLocalPort();
        }
        List<HttpFact> facts = List.of(new HttpFact(base + "/down"), new HttpFact("http://127.0.0.1:" + closed + "/health"),
                new HttpFact(base + "/empty"), new HttpFact(base + "/health"));
        Fact<List<Object>> merged = facts.get(0).merger().merge(facts);

        List<Object> answers = merged.parse(LocalShell.run(merged.command()));

        assertThat(answers).hasSize(4);
        assertThat(answers.get(0)).isEqualTo(new HttpAnswer(503, "{\"health\":\"false\",\"reason\":\"RAFT NO LEADER\"}\n", ""));
        HttpAnswer refused = (HttpAnswer) answers.get(1);
        assertThat(refused.status()).isZero();
        assertThat(refused.describe()).startsWith("no HTTP answer (").contains(Integer.toString(closed));
        assertThat(answers.get(2)).isEqualTo(new HttpAnswer(200, "", ""));
        assertThat(answers.get(3)).isEqualTo(new HttpAnswer(200, "{\"health\":\"true\"}", ""));
        for (int i = 0; i < facts.size(); i++) {
            HttpFact alone = facts.get(i);
            assertThat(parse(alone, LocalShell.run(alone.command()))).as(alone.url()).isEqualTo(answers.get(i));
        }
    }

    @Test
    void noCurlOrACutOffAnswerIsAnError() {
        HttpFact fact = new HttpFact("http://192.0.2.1:2379/health");
        assertThatThrownBy(() -> fact.parse(new ExecResult(127, "", "sh: 1: curl: not found", Duration.ZERO)))
                .hasMessageContaining("curl is not installed on the host");
        assertThatThrownBy(() -> fact.parse(new ExecResult(143, "{\"hea", "Terminated", Duration.ZERO)))
                .hasMessageContaining("no answer from curl for http://192.0.2.1:2379/health");
    }

    private static HttpAnswer parse(HttpFact fact, ExecResult result) {
        try {
            return fact.parse(result);
        } catch (FactException e) {
            throw new AssertionError(e);
        }
    }
}
