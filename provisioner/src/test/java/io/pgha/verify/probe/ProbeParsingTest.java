package io.pgha.verify.probe;

import com.fasterxml.jackson.jr.ob.JSON;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Parsers fed with replies recorded from Patroni 3.0.2 and HAProxy 2.6 (Debian bookworm). */
class ProbeParsingTest {

    private static String resource(String name) throws Exception {
        try (InputStream in = ProbeParsingTest.class.getResourceAsStream("/verify/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void haproxyCsvGivesEachServersStatusAndRiseFall() throws Exception {
        List<HaproxyStats.ServerRow> rows = HaproxyStats.parse(resource("haproxy-2.6-stats.csv"));

        assertThat(rows).extracting(HaproxyStats.ServerRow::proxy).containsOnly("primary", "replicas");
        assertThat(HaproxyStats.upServers(rows, "primary")).containsExactly("pg1");
        assertThat(HaproxyStats.upServers(rows, "replicas")).containsExactlyInAnyOrder("pg2", "pg3");
        HaproxyStats.ServerRow pg1 = rows.stream().filter(r -> r.proxy().equals("primary") && r.server().equals("pg1"))
                .findFirst().orElseThrow();
        assertThat(pg1.rise()).isEqualTo(2);
        assertThat(pg1.fall()).isEqualTo(3);
        assertThat(pg1.checkStatus()).isEqualTo("L7OK");
    }

    @Test
    void aStatsPageThatIsNotCsvIsRefused() {
        assertThatThrownBy(() -> HaproxyStats.parse("<html>login</html>"))
                .hasMessageContaining("not a CSV export");
    }

    @Test
    void patroniClusterMembersKeepRoleTimelineAndLag() throws Exception {
        Map<String, Object> json = JSON.std.mapFrom(resource("patroni-3.0-cluster.json"));
        List<PatroniMember> members = ((List<?>) json.get("members")).stream()
                .map(m -> PatroniClient.parseMember((Map<?, ?>) m)).toList();

        assertThat(members).extracting(PatroniMember::name).containsExactly("pg1", "pg2", "pg3");
        assertThat(members.get(0).isLeader()).isTrue();
        assertThat(members.get(0).lagBytes()).isNull();
        assertThat(members.get(1).isReplica()).isTrue();
        assertThat(members.get(1).isReplicaRunning()).isTrue();
        assertThat(members.get(1).lagBytes()).isZero();
        assertThat(members.get(1).timeline()).isEqualTo(members.get(0).timeline());
        assertThat(members.get(2).port()).isEqualTo(5435);
    }

    @Test
    void anUnknownLagIsNotZero() {
        PatroniMember m = PatroniClient.parseMember(Map.of("name", "pg3", "role", "replica", "state", "stopped",
                "host", "10.0.0.3", "port", 5432, "lag", "unknown"));

        assertThat(m.lagBytes()).isNull();
        assertThat(m.timeline()).isNull();
        assertThat(m.isReplicaRunning()).isFalse();
    }

    @Test
    void timingRule() {
        assertThat(new PatroniConfig(30, 10, 10, false, 0, 300).timingRuleHolds()).isTrue();
        assertThat(new PatroniConfig(20, 10, 10, false, 0, 300).timingRuleHolds()).isFalse();
    }
}
