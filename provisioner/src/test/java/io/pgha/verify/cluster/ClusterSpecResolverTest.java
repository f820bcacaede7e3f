package io.pgha.verify.cluster;

import io.pgha.inventory.Inventory;
import io.pgha.inventory.InventoryHost;
import io.pgha.transport.ConnectionSpec;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterSpecResolverTest {
    private static final Map<String, String> SECRETS = Map.of(VarNames.SUPERUSER_PASSWORD, "s1",
            VarNames.REST_PASSWORD, "s2", VarNames.STATS_PASSWORD, "s3");

    private static InventoryHost host(String name, String address, Map<String, Object> vars) {
        return new InventoryHost(name, new ConnectionSpec(name, address, 22, "admin", null, null, true, null),
                List.of("all", "postgres"), vars);
    }

    private static Inventory inventory(InventoryHost... hosts) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        List<String> names = java.util.Arrays.stream(hosts).map(InventoryHost::name).toList();
        groups.put("all", names);
        groups.put("postgres", names);
        return new Inventory(Path.of("/srv/pgha/inventory.yml"), List.of(hosts), groups);
    }

    @Test
    void portsDefaultToTheStandardOnesAndCanBeSetPerHost() {
        Map<String, Object> custom = new LinkedHashMap<>();
        custom.put(VarNames.POSTGRESQL_PORT, 5433);
        custom.put(VarNames.PATRONI_RESTAPI_PORT, "8009");
        custom.put(VarNames.HAPROXY_PRIMARY_PORT, 5010);
        ClusterSpec spec = new ClusterSpecResolver().resolve(inventory(host("pg1", "10.0.0.1", Map.of()),
                host("pg2", "127.0.0.1", custom)), SECRETS);

        Member pg1 = spec.member("pg1").orElseThrow();
        assertThat(pg1.postgresPort()).isEqualTo(5432);
        assertThat(pg1.restUrl()).isEqualTo("http://10.0.0.1:8008");
        assertThat(pg1.haproxyPrimaryPort()).isEqualTo(5000);
        assertThat(pg1.haproxyReplicaPort()).isEqualTo(5001);
        assertThat(pg1.statsUrl("/")).isEqualTo("http://10.0.0.1:7000/");
        Member pg2 = spec.member("pg2").orElseThrow();
        assertThat(pg2.postgresPort()).isEqualTo(5433);
        assertThat(pg2.restPort()).isEqualTo(8009);
        assertThat(pg2.haproxyPrimaryPort()).isEqualTo(5010);
        assertThat(spec.etcd()).extracting(EtcdEndpoint::url).containsExactly("http://10.0.0.1:2379",
                "http://127.0.0.1:2379");
    }

    @Test
    void credentialsComeFromTheSecretsAndNeverPrint() {
        ClusterSpec spec = new ClusterSpecResolver().resolve(inventory(host("pg1", "10.0.0.1", Map.of())), SECRETS);

        assertThat(spec.superuser().user()).isEqualTo("postgres");
        assertThat(spec.superuser().password()).isEqualTo("s1");
        assertThat(spec.restApi().toString()).isEqualTo("patroni:***");
        assertThat(spec.toString()).doesNotContain("s1", "s2", "s3");
    }

    @Test
    void aMissingSecretTellsTheUserToProvisionFirst() {
        assertThatThrownBy(() -> new ClusterSpecResolver().resolve(inventory(host("pg1", "10.0.0.1", Map.of())),
                Map.of(VarNames.SUPERUSER_PASSWORD, "x")))
                .isInstanceOf(ClusterSpecException.class)
                .hasMessageContaining("secret 'patroni_restapi_password' is missing")
                .hasMessageContaining("/srv/pgha/inventory.yml").hasMessageContaining("pgha provision");
    }

    @Test
    void aBadPortNamesTheHostAndVariable() {
        assertThatThrownBy(() -> new ClusterSpecResolver().resolve(inventory(host("pg1", "10.0.0.1",
                Map.of(VarNames.PATRONI_RESTAPI_PORT, "http"))), SECRETS))
                .hasMessage("host pg1: variable 'patroni_restapi_port' is 'http', expected a whole number");
        assertThatThrownBy(() -> new ClusterSpecResolver().resolve(inventory(host("pg1", "10.0.0.1",
                Map.of(VarNames.POSTGRESQL_PORT, 70000))), SECRETS))
                .hasMessage("host pg1: variable 'postgresql_port' is 70000, expected a TCP port between 1 and 65535");
    }

    @Test
    void haproxyTimesAcceptHaproxyUnits() {
        InventoryHost h = host("pg1", "10.0.0.1", Map.of("a", "3s", "b", "500ms", "c", 250, "d", "1m"));

        assertThat(ClusterSpecResolver.millis(h, "a", 0)).isEqualTo(3000);
        assertThat(ClusterSpecResolver.millis(h, "b", 0)).isEqualTo(500);
        assertThat(ClusterSpecResolver.millis(h, "c", 0)).isEqualTo(250);
        assertThat(ClusterSpecResolver.millis(h, "d", 0)).isEqualTo(60_000);
        assertThat(ClusterSpecResolver.millis(h, "missing", 1000)).isEqualTo(1000);
        assertThatThrownBy(() -> ClusterSpecResolver.millis(host("pg1", "x", Map.of("e", "soon")), "e", 0))
                .hasMessageContaining("'e' is 'soon', expected an HAProxy time");
    }

    @Test
    void faultCommandAndItsActionsAreRead() {
        ClusterSpec plain = new ClusterSpecResolver().resolve(inventory(host("pg1", "10.0.0.1", Map.of())), SECRETS);
        ClusterSpec lab = new ClusterSpecResolver().resolve(inventory(host("pg1", "10.0.0.1", Map.of(
                VarNames.FAULT_COMMAND, "/lab/fault {action} {host}",
                VarNames.FAULT_COMMAND_ACTIONS, List.of("crash", "start")))), SECRETS);

        assertThat(plain.faultCommand()).isEmpty();
        assertThat(plain.allowSysrqCrash()).isFalse();
        assertThat(lab.faultCommand()).contains("/lab/fault {action} {host}");
        assertThat(lab.faultCommandActions()).containsExactlyInAnyOrder("crash", "start");
    }
}
