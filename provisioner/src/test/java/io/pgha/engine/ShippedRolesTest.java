package io.pgha.engine;

import io.pgha.facts.LocalShell;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The playbook and roles shipped at the repository root, under the engine's templating: for a
 * three-host cluster every role default renders and every preflight assert holds, and a broken
 * timing setting is caught before any connection. The shell logic of the waits that every re-run polls runs
 * here with the local shell against a stand-in {@code curl}; the lab stages run them against the real services.
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

    /** A role's {@code wait_for} command as pg1 runs it with the shipped defaults. */
    private String waitCommand(String roleName, String taskName) throws Exception {
        Playbook playbook = shipped();
        ScopeFactory scopes = new ScopeFactory(cluster(Map.of()), templates, secrets(playbook));
        Map<String, Map<String, Object>> facts = Map.of("pg1", FACTS, "pg2", FACTS, "pg3", FACTS);
        for (PlaySpec play : playbook.plays()) {
            for (Role role : play.roles()) {
                for (TaskSpec task : role.tasks()) {
                    if (role.name().equals(roleName) && task.name().equals(taskName)) {
                        Map<String, Object> scope = scopes.forRole(role, facts).scope("pg1", Map.of());
                        return (String) templates.renderArgs(task.args(), scope, taskName).get("command");
                    }
                }
            }
        }
        throw new AssertionError("no task '" + taskName + "' in role " + roleName);
    }

    @Test
    void theEtcdWaitPassesOnlyWhenEveryMemberAnswersHealthy() throws Exception {
        String wait = waitCommand("etcd", "Wait for etcd quorum and health");
        // curl as the wait calls it: each URL's body, then " URL"; members named in $SICK answer as etcd does
        // without quorum, members in $DOWN do not answer at all.
        String curl = "curl() { for u in \"$@\"; do case $u in http://*) case \" $DOWN \" in *\" $u \"*) printf ' %s\\n' \"$u\"; continue;; esac; "
                + "case \" $SICK \" in *\" $u \"*) printf '{\"health\":\"false\",\"reason\":\"RAFT NO LEADER\"} %s\\n' \"$u\";; "
                + "*) printf '{\"health\":\"true\",\"reason\":\"\"} %s\\n' \"$u\";; esac;; esac; done; }; ";

        ExecResult healthy = LocalShell.run("DOWN= SICK=; " + curl + wait);
        ExecResult oneDown = LocalShell.run("DOWN=http://192.0.2.13:2379/health SICK=; " + curl + wait);
        ExecResult noQuorum = LocalShell.run("DOWN= SICK=http://192.0.2.12:2379/health; " + curl + wait);

        assertThat(wait).contains("http://192.0.2.11:2379/health http://192.0.2.12:2379/health http://192.0.2.13:2379/health");
        assertThat(healthy.exitCode()).as(healthy.stdout()).isZero();
        assertThat(healthy.stdout()).contains("3 of 3 etcd members healthy");
        assertThat(oneDown.exitCode()).isEqualTo(1);
        assertThat(oneDown.stdout()).contains("2 of 3 etcd members healthy").contains("\n http://192.0.2.13:2379/health\n");
        assertThat(noQuorum.exitCode()).isEqualTo(1);
        assertThat(noQuorum.stdout()).contains("RAFT NO LEADER").contains("2 of 3 etcd members healthy");
    }

    @Test
    void theHaproxyWaitNeedsThePrimaryBackendUpAndReadsTheStatsCredentialsOnTheHost(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("haproxy.cfg");
        Files.writeString(config, "global\n    maxconn 4096\nlisten stats\n    bind :7000\n    stats auth haproxy:s3cret\n");
        String wait = waitCommand("haproxy", "Wait for HAProxy to route to the primary")
                .replace("/etc/haproxy/haproxy.cfg", config.toString());
        // curl -sf -u USER:PASSWORD URL: the stats CSV, or exit 22 as curl -f does for a refused login.
        String curl = "curl() { [ \"$3\" = haproxy:s3cret ] || return 22; printf '%s\\n' '# pxname,svname,qcur,status' "
                + "'primary,pg1,0,UP,' 'primary,pg2,0,DOWN,' \"primary,BACKEND,0,$PRIMARY,\" 'replicas,BACKEND,0,UP,'; }; ";

        assertThat(wait).doesNotContain("s3cret");
        assertThat(LocalShell.run("PRIMARY=UP; " + curl + wait).exitCode()).isZero();
        assertThat(LocalShell.run("PRIMARY=DOWN; " + curl + wait).exitCode()).isEqualTo(1);
        Files.writeString(config, "listen stats\n    stats auth haproxy:other\n");
        assertThat(LocalShell.run("PRIMARY=UP; " + curl + wait).exitCode()).isEqualTo(1);
    }

    @Test
    void pghaPatroniHealthyNeedsOnlyTheRestAddress() {
        assumeTrue(LocalShell.has("python3"), "python3 runs pgha-patroni");
        String script = ROOT.resolve("roles/patroni/files/pgha-patroni").toString();

        ExecResult noAddress = LocalShell.run("python3 " + script + " healthy");
        // Nothing listens on port 1: the answer is Patroni's REST API being unreachable, not a missing configuration.
        ExecResult refused = LocalShell.run("python3 " + script + " healthy 127.0.0.1:1");

        assertThat(noAddress.exitCode()).isEqualTo(2);
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr()).startsWith("pgha-patroni healthy: ").contains("Connection refused")
                .doesNotContain("config.yml");
    }
}
