package io.pgha.verify;

import io.pgha.verify.cluster.EtcdEndpoint;
import io.pgha.verify.probe.EtcdClient;
import io.pgha.verify.probe.PatroniMember;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StatusPrinterTest {
    private static final ClusterStatus STATUS = new ClusterStatus("pg1",
            List.of(new PatroniMember("pg1", "leader", "running", "10.0.0.1", 5432, 4, null),
                    new PatroniMember("pg2", "replica", "streaming", "10.0.0.2", 5432, 4, 3_145_728L),
                    new PatroniMember("pg3", "replica", "stopped", "10.0.0.3", 5432, null, null)),
            List.of(),
            List.of(new EtcdClient.Health(new EtcdEndpoint("pg1", "10.0.0.1", 2379), true, "healthy"),
                    new EtcdClient.Health(new EtcdEndpoint("pg3", "10.0.0.3", 2379), false, "connection refused")),
            List.of(new ClusterStatus.Routing("pg1", 5000, List.of("pg1"), null),
                    new ClusterStatus.Routing("pg3", 5000, List.of(), "GET http://10.0.0.3:7000/;csv: connection refused")));

    @Test
    void textLooksLikePatronictlListPlusEtcdAndRouting() {
        String text = StatusPrinter.text(STATUS);

        assertThat(text).contains("| Member | Host          | Role    | State     | TL | Lag in MB |")
                .contains("| pg1    | 10.0.0.1:5432 | Leader  | running   | 4  |           |")
                .contains("| pg2    | 10.0.0.2:5432 | Replica | streaming | 4  | 3.0       |")
                .contains("| pg3    | 10.0.0.3:5432 | Replica | stopped   |    | unknown   |")
                .contains("UNHEALTHY: connection refused")
                .contains("| pg1        | 5000 | pg1")
                .contains("ERROR: GET http://10.0.0.3:7000/;csv: connection refused");
    }

    @Test
    void jsonKeepsTheSameFacts() {
        Map<String, Object> json = StatusPrinter.json(STATUS);

        assertThat(json).containsEntry("asked_via", "pg1");
        assertThat((List<?>) json.get("members")).hasSize(3);
        assertThat(json.get("haproxy_primary").toString()).contains("up_servers=[pg1]");
        assertThat(json.get("etcd").toString()).contains("healthy=false");
    }
}
