package io.pgha.engine;

import io.pgha.inventory.Inventory;
import io.pgha.inventory.InventoryHost;
import io.pgha.operations.Operations;
import io.pgha.roles.PlaySpec;
import io.pgha.roles.Playbook;
import io.pgha.roles.PlaybookLoader;
import io.pgha.roles.Role;
import io.pgha.templating.Templates;
import io.pgha.transport.ConnectionSpec;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The playbook and roles shipped at the repository root, under the engine's templating: for a
 * three-host cluster every role default renders and every preflight assert holds, and a broken
 * timing setting is caught before any connection.
 */
class ShippedRolesTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Map<String, Object> FACTS = Map.of("ansible_distribution", "Debian",
            "ansible_distribution_release", "trixie", "ansible_kernel", "6.1.0", "ansible_virtualization_type", "kvm");

    private final Templates templates = new Templates();

    private static Inventory cluster(Map<String, Object> vars) {
        List<InventoryHost> hosts = new ArrayList<>();
        List<String> names = List.of("pg1", "pg2", "pg3");
        for (String name : names) {
            ConnectionSpec spec = new ConnectionSpec(name, "192.0.2.1" + name.charAt(2), 22, "admin", null, null, true, null);
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
        Map<String, Map<String, Object>> facts = Map.of("pg1", FACTS, "pg2", FACTS, "pg3", FACTS);
        for (PlaySpec play : playbook.plays()) {
            for (Role role : play.roles()) {
                ScopeFactory.RoleVars vars = scopes.forRole(role, facts);
                vars.problems().forEach((host, problems) -> assertThat(problems).as(role.name() + " on " + host).isEmpty());
                for (String key : role.defaults().keySet()) {
                    assertThat(vars.hosts().get("pg2")).as(role.name()).containsKey(key);
                }
            }
        }
    }

    @Test
    void everyAssertHoldsWithTheDefaultsAndABrokenTimingIsCaught() throws Exception {
        Playbook playbook = shipped();
        Preflight ok = new Preflight(templates);
        ScopeFactory scopes = new ScopeFactory(cluster(Map.of()), templates, secrets(playbook));
        for (PlaySpec play : playbook.plays()) {
            for (Role role : play.roles()) {
                ok.check(role, scopes.forRole(role), List.of("pg1", "pg2", "pg3"));
            }
        }
        ok.throwIfFailed();

        Preflight broken = new Preflight(templates);
        ScopeFactory tooShortTtl = new ScopeFactory(cluster(Map.of("patroni_ttl", 20, "patroni_loop_wait", 10,
                "patroni_retry_timeout", 10)), templates, secrets(playbook));
        for (PlaySpec play : playbook.plays()) {
            for (Role role : play.roles()) {
                broken.check(role, tooShortTtl.forRole(role), List.of("pg1"));
            }
        }
        assertThatThrownBy(broken::throwIfFailed).isInstanceOf(BadInputException.class)
                .hasMessageContaining("[pg1] patroni:").hasMessageContaining("loop_wait")
                .hasMessageContaining("roles/patroni/meta.yml");
    }
}
