package io.pgha.inventory;

import io.pgha.transport.ConnectionSpec;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Loads an inventory written for Ansible (children, group_vars/ folder and files, host_vars/) unchanged. */
class InventoryLoaderTest {
    private static final Path ANSIBLE = resource("/inventory/ansible/hosts.yml");

    static Path resource(String name) {
        try {
            return Path.of(InventoryLoaderTest.class.getResource(name).toURI());
        } catch (Exception e) {
            throw new IllegalStateException(name, e);
        }
    }

    private static Inventory load(Map<String, String> extraVars) throws InventoryException {
        return new InventoryLoader("tester", null).load(ANSIBLE, extraVars);
    }

    private static InventoryHost host(Inventory inventory, String name) {
        return inventory.host(name).orElseThrow();
    }

    @Test
    void groupsListHostsInFileOrderIncludingAllAndUngrouped() throws Exception {
        Inventory inventory = load(Map.of());
        assertThat(inventory.file()).isEqualTo(ANSIBLE);
        assertThat(inventory.hosts()).extracting(InventoryHost::name).containsExactly("monitor", "db1", "db2", "db3");
        assertThat(inventory.groups()).containsExactly(
                Map.entry("all", List.of("monitor", "db1", "db2", "db3")),
                Map.entry("ungrouped", List.of("monitor")),
                Map.entry("cluster", List.of("db1", "db2", "db3")),
                Map.entry("etcd", List.of("db1", "db2", "db3")),
                Map.entry("postgres", List.of("db1", "db2", "db3")));
        assertThat(host(inventory, "db1").groups()).containsExactly("all", "cluster", "etcd", "postgres");
        assertThat(host(inventory, "monitor").groups()).containsExactly("all", "ungrouped");
    }

    @Test
    void variablesFollowAnsiblePrecedence() throws Exception {
        Inventory inventory = load(Map.of());
        // all inline < group_vars/all < cluster < postgres inline < group_vars/postgres/ < host inline < host_vars/
        assertThat(host(inventory, "monitor").vars()).containsEntry("layer", "all-file");
        assertThat(host(inventory, "db2").vars()).containsEntry("layer", "postgres-file");
        assertThat(host(inventory, "db1").vars()).containsEntry("layer", "db1-file");
        assertThat(host(inventory, "db1").vars())
                .containsEntry("cluster_name", "from-group-vars-all")
                .containsEntry("depth_probe", "postgres")       // child group after its parent
                .containsEntry("sibling_probe", "postgres")     // siblings by name: etcd, then postgres
                .containsEntry("etcd_only", true)
                .containsEntry("patroni_ttl", 20)               // files of a group_vars folder in name order
                .containsEntry("postgresql_version", "16");
    }

    @Test
    void extraVarsWinOverEverythingIncludingConnection() throws Exception {
        Inventory inventory = load(Map.of("layer", "cli", "ansible_port", "2200"));
        assertThat(host(inventory, "db1").vars()).containsEntry("layer", "cli");
        assertThat(host(inventory, "db1").connection().port()).isEqualTo(2200);
    }

    @Test
    void connectionsUseAnsibleNames() throws Exception {
        Inventory inventory = load(Map.of());
        Path key = ANSIBLE.getParent().resolve("keys/deploy_ed25519").toAbsolutePath();
        assertThat(host(inventory, "db1").connection())
                .isEqualTo(new ConnectionSpec("db1", "192.0.2.11", 22, "deploy", key, null, true, null));
        ConnectionSpec db2 = host(inventory, "db2").connection();
        assertThat(db2.port()).isEqualTo(2222);
        assertThat(db2.user()).isEqualTo("admin");
        ConnectionSpec db3 = host(inventory, "db3").connection();
        assertThat(db3.jump()).isEqualTo(new ConnectionSpec("192.0.2.1", "192.0.2.1", 2200, "admin", key, null, false,
                null));
        assertThat(host(inventory, "monitor").connection().address()).isEqualTo("192.0.2.50");
    }

    @Test
    void selectsHostsByPatternAndLimit() throws Exception {
        Inventory inventory = load(Map.of());
        assertThat(inventory.select("postgres")).extracting(InventoryHost::name).containsExactly("db1", "db2", "db3");
        assertThat(inventory.select("db3,monitor")).extracting(InventoryHost::name).containsExactly("monitor", "db3");
        assertThat(inventory.select("all:!etcd")).extracting(InventoryHost::name).containsExactly("monitor");
        assertThat(inventory.select("db*")).extracting(InventoryHost::name).containsExactly("db1", "db2", "db3");
        assertThat(inventory.select("all:&postgres")).hasSize(3);
        assertThat(inventory.select("postgres", "db2")).extracting(InventoryHost::name).containsExactly("db2");
        assertThatThrownBy(() -> inventory.select("postgress"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no group or host named 'postgress'");
    }

    @Test
    void theExampleInventoryLoads() throws Exception {
        Path example = Path.of(System.getProperty("user.dir")).resolveSibling("inventory").resolve("example.yml");
        Inventory inventory = new InventoryLoader("tester", null).load(example, Map.of());
        assertThat(inventory.groups().get("etcd")).containsExactly("pg1", "pg2", "pg3");
        assertThat(inventory.groups().get("postgres")).containsExactly("pg1", "pg2", "pg3");
        assertThat(inventory.hosts()).extracting(h -> h.connection().toString())
                .containsExactly("admin@192.0.2.11:22", "admin@192.0.2.12:22", "admin@192.0.2.13:22");
        assertThat(inventory.hosts()).allSatisfy(h -> assertThat(h.connection().become()).isTrue());
    }
}
