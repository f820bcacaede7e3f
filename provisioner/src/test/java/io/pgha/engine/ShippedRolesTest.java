package io.pgha.engine;

import io.pgha.facts.Fact;
import io.pgha.facts.HttpAnswer;
import io.pgha.facts.HttpFact;
import io.pgha.inventory.Inventory;
import io.pgha.inventory.InventoryHost;
import io.pgha.operations.Operations;
import io.pgha.roles.PlaySpec;
import io.pgha.roles.Playbook;
import io.pgha.roles.PlaybookLoader;
import io.pgha.roles.Role;
import io.pgha.roles.TaskSpec;
import io.pgha.templating.Templates;
import io.pgha.transport.ConnectionSpec;
import io.pgha.transport.ExecResult;
import io.pgha.transport.RemoteCommand;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The playbook and roles shipped at the repository root, under the engine's templating: for a
 * three-host cluster every role default renders and every preflight assert holds, and a broken
 * timing setting is caught before any connection. The waits that every re-run polls are judged here against
 * answers of the services' REST APIs; the lab stages run them against the real services.
 */
class ShippedRolesTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Map<String, Object> FACTS = Map.of("ansible_distribution", "Debian",
            "ansible_distribution_release", "trixie", "ansible_kernel", "6.1.0", "ansible_virtualization_type", "kvm");
    private static final Map<String, Map<String, Object>> HOST_FACTS = Map.of("pg1", FACTS, "pg2", FACTS, "pg3", FACTS);

    private final Templates templates = new Templates();

    private static Inventory cluster(Map<String, Object> vars) {
        return cluster(vars, "192.0.2.1");
    }

    /** pg1, pg2 and pg3 at the addresses addressPrefix + 1, 2, 3. */
    private static Inventory cluster(Map<String, Object> vars, String addressPrefix) {
        List<InventoryHost> hosts = new ArrayList<>();
        List<String> names = List.of("pg1", "pg2", "pg3");
        for (String name : names) {
            ConnectionSpec spec = new ConnectionSpec(name, addressPrefix + name.charAt(2), 22, "admin", null, null, true, null);
            hosts.add(new InventoryHost(name, spec, List.of("all", "etcd", "postgres"), vars));
        }
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put("all", names);
        groups.put("etcd", names);
        groups.put("postgres", names);
        return new Inventory(ROOT.resolve("inventory.yml"), hosts, groups);
    }

    private static Playbook shipped() throws Exception {
        return new PlaybookLoader(Operations.builtIn().names()).load(ROOT.resolve("site.yml"));
    }

    private static Map<String, String> secrets(Playbook playbook) {
        Map<String, String> secrets = new LinkedHashMap<>();
        playbook.plays().forEach(play -> play.roles().forEach(role -> role.secrets().forEach(s -> secrets.put(s, "secret-" + s))));
        return secrets;
    }

    @Test
    void everyRoleDefaultRendersForEveryHost() throws Exception {
        Playbook playbook = shipped();
        Inventory inventory = cluster(Map.of());
        ScopeFactory scopes = new ScopeFactory(inventory, templates, secrets(playbook));
        for (PlaySpec play : playbook.plays()) {
            for (Role role : play.roles()) {
                ScopeFactory.RoleVars vars = scopes.forRole(role, HOST_FACTS);
                vars.problems().forEach((host, problems) -> assertThat(problems).as(role.name() + " on " + host).isEmpty());
                for (String key : role.defaults().keySet()) {
                    assertThat(vars.hosts().get("pg2")).as(role.name()).containsKey(key);
                }
            }
        }
    }

    /** Every role's asserts of the shipped playbook, checked on these hosts of the inventory. */
    private Preflight preflight(Inventory inventory, String... hosts) throws Exception {
        Playbook playbook = shipped();
        ScopeFactory scopes = new ScopeFactory(inventory, templates, secrets(playbook));
        Preflight preflight = new Preflight(templates);
        for (PlaySpec play : playbook.plays()) {
            for (Role role : play.roles()) {
                preflight.check(role, scopes.forRole(role), List.of(hosts));
            }
        }
        return preflight;
    }

    @Test
    void everyAssertHoldsWithTheDefaultsAndABrokenTimingIsCaught() throws Exception {
        preflight(cluster(Map.of()), "pg1", "pg2", "pg3").throwIfFailed();

        Preflight broken = preflight(cluster(Map.of("patroni_ttl", 20, "patroni_loop_wait", 10,
                "patroni_retry_timeout", 10)), "pg1");
        assertThatThrownBy(broken::throwIfFailed).isInstanceOf(BadInputException.class)
                .hasMessageContaining("[pg1] patroni:").hasMessageContaining("loop_wait")
                .hasMessageContaining("roles/patroni/meta.yml");

        for (String uri : List.of("/pgha/primary", "stats")) {
            Preflight shadowed = preflight(cluster(Map.of("haproxy_stats_uri", uri)), "pg1");
            assertThatThrownBy(shadowed::throwIfFailed).as(uri).isInstanceOf(BadInputException.class)
                    .hasMessageContaining("[pg1] haproxy: haproxy_stats_uri ('" + uri + "') must be a path starting with /")
                    .hasMessageContaining("roles/haproxy/meta.yml");
        }
    }

    @Test
    void anIPv6AddressIsRefusedBeforeAnythingRunsAndAHostNameIsNot() throws Exception {
        Preflight ipv6 = preflight(cluster(Map.of(), "2001:db8::1"), "pg2");
        assertThatThrownBy(ipv6::throwIfFailed).isInstanceOf(BadInputException.class)
                .hasMessageContaining("[pg2] common: pg2's address 2001:db8::12 is an IPv6 address")
                .hasMessageContaining("set pg2's ansible_host in " + ROOT.resolve("inventory.yml") + " to its IPv4 address or to a DNS name")
                .hasMessageContaining("roles/common/meta.yml");

        preflight(cluster(Map.of(), "db.example.org-"), "pg1", "pg2", "pg3").throwIfFailed();
    }

    /**
     * A role's {@code wait_for} as pg1 runs it with the shipped defaults, looking once (as when planning ahead) while
     * each URL answers as given: "waited ..." when the wait is over, else "not ready yet: ...".
     */
    private String firstLook(String roleName, String taskName, Map<String, HttpAnswer> answers) throws Exception {
        Playbook playbook = shipped();
        ScopeFactory scopes = new ScopeFactory(cluster(Map.of()), templates, secrets(playbook));
        HostReader urls = new HostReader() {
            @Override
            public ExecResult read(RemoteCommand command) {
                throw new AssertionError("the wait ran a command: " + command.script());
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T fact(Fact<T> fact, RemoteCommand command) {
                String url = ((HttpFact) fact).url();
                return (T) Objects.requireNonNull(answers.get(url), () -> "the wait asked " + url);
            }

            @Override
            public void prefetch(List<ReadAhead.Question> questions) {
            }
        };
        for (PlaySpec play : playbook.plays()) {
            for (Role role : play.roles()) {
                for (TaskSpec task : role.tasks()) {
                    if (role.name().equals(roleName) && task.name().equals(taskName)) {
                        Map<String, Object> scope = scopes.forRole(role, HOST_FACTS).scope("pg1", Map.of());
                        EngineOperationContext context = new EngineOperationContext("pg1", urls, true, true, false,
                                scope, role.dir(), templates, java.util.Set.of());
                        return Operations.builtIn().get(task.module())
                                .plan(context, templates.renderArgs(task.args(), scope, taskName)).message();
                    }
                }
            }
        }
        throw new AssertionError("no task '" + taskName + "' in role " + roleName);
    }

    private static HttpAnswer answer(int status, String body) {
        return new HttpAnswer(status, body, "");
    }

    @Test
    void theEtcdWaitNeedsEveryMemberHealthy() throws Exception {
        String wait = "Wait for etcd quorum and health";
        HttpAnswer healthy = answer(200, "{\"health\":\"true\",\"reason\":\"\"}");
        Map<String, HttpAnswer> all = new HashMap<>(Map.of("http://192.0.2.11:2379/health", healthy,
                "http://192.0.2.12:2379/health", healthy, "http://192.0.2.13:2379/health", healthy));
        assertThat(firstLook("etcd", wait, all)).startsWith("waited");

        all.put("http://192.0.2.12:2379/health", answer(503, "{\"health\":\"false\",\"reason\":\"RAFT NO LEADER\"}"));
        assertThat(firstLook("etcd", wait, all)).startsWith("not ready yet");
        all.put("http://192.0.2.12:2379/health", new HttpAnswer(0, "", "Failed to connect to 192.0.2.12 port 2379"));
        assertThat(firstLook("etcd", wait, all)).startsWith("not ready yet");
    }

    @Test
    void thePatroniWaitNeedsOneLeaderAndEveryMemberRunningOnOneTimeline() throws Exception {
        String wait = "Wait for one leader and every member running on its timeline";
        String url = "http://192.0.2.11:8008/cluster";
        String leader = "{\"name\":\"pg1\",\"role\":\"leader\",\"state\":\"running\",\"timeline\":2}";
        String streaming = "{\"name\":\"pg2\",\"role\":\"replica\",\"state\":\"streaming\",\"timeline\":2,\"lag\":0}";
        String other = "{\"name\":\"pg3\",\"role\":\"replica\",\"state\":\"%s\",\"timeline\":%d}";
        Function<String, Map<String, HttpAnswer>> members = list -> Map.of(url, answer(200, "{\"members\":[" + list + "]}"));

        assertThat(firstLook("patroni", wait, members.apply(leader + "," + streaming + "," + other.formatted("streaming", 2))))
                .startsWith("waited");
        assertThat(firstLook("patroni", wait, members.apply(leader + "," + streaming + "," + other.formatted("stopped", 2))))
                .startsWith("not ready yet");
        assertThat(firstLook("patroni", wait, members.apply(leader + "," + streaming + "," + other.formatted("streaming", 1))))
                .startsWith("not ready yet");
        assertThat(firstLook("patroni", wait, members.apply(streaming + "," + other.formatted("streaming", 2))))
                .as("no leader").startsWith("not ready yet");
        assertThat(firstLook("patroni", wait, members.apply(leader + "," + leader.replace("pg1", "pg2"))))
                .as("two leaders").startsWith("not ready yet");
        assertThat(firstLook("patroni", wait, Map.of(url, answer(503, "starting")))).startsWith("not ready yet");
    }

    @Test
    void theHaproxyWaitAsksTheStatsPortWhetherThePrimaryIsReachable() throws Exception {
        String wait = "Wait for HAProxy to route to the primary";
        String url = "http://127.0.0.1:7000/pgha/primary";
        assertThat(firstLook("haproxy", wait, Map.of(url, answer(200, "primary reachable")))).startsWith("waited");
        assertThat(firstLook("haproxy", wait, Map.of(url, answer(503, "no primary reachable")))).startsWith("not ready yet");
    }
}
