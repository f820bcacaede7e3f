package io.pgha.inventory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every bad inventory is refused before any connection, naming the file, line and key, with a hint. */
class InventoryValidationTest {
    @TempDir
    Path dir;

    private Path inventory(String text) throws IOException {
        return Files.writeString(dir.resolve("hosts.yml"), text);
    }

    private Inventory load(String text) throws Exception {
        return load(text, Map.of());
    }

    private Inventory load(String text, Map<String, String> extraVars) throws Exception {
        return new InventoryLoader("tester", null).load(inventory(text), extraVars);
    }

    private String file() {
        return dir.resolve("hosts.yml").toString();
    }

    @Test
    void syntaxErrorHasLineAndColumn() {
        assertThatThrownBy(() -> load("all:\n  hosts:\n    pg1: {ansible_host: [192.0.2.11}\n"))
                .isInstanceOf(InventoryException.class)
                .hasMessageStartingWith(file() + ":3:")
                .hasMessageContaining("YAML syntax error")
                .hasMessageContaining("Hint: ");
    }

    @Test
    void hostsAtTopLevelMustBeNestedUnderAll() {
        assertThatThrownBy(() -> load("hosts:\n  pg1:\n"))
                .hasMessage(file() + ":1: key 'hosts': 'hosts:' cannot be at the top level. "
                        + "Hint: nest it under 'all:', e.g. 'all:' then '  hosts:' indented below it");
    }

    @Test
    void topLevelGroupsAreChildrenOfAll() throws Exception {
        Inventory inventory = load("""
                etcd:
                  hosts:
                    pg1:
                postgres:
                  hosts:
                    pg1:
                    pg2:
                """);
        assertThat(inventory.groups().get("all")).containsExactly("pg1", "pg2");
        assertThat(inventory.host("pg1").orElseThrow().groups()).containsExactly("all", "etcd", "postgres");
    }

    @Test
    void hostsWrittenAsAListAreRefused() {
        assertThatThrownBy(() -> load("all:\n  hosts:\n    - pg1\n    - pg2\n"))
                .hasMessage(file() + ":2: key 'hosts': 'hosts' must be a mapping, not a list. Hint: list each host as"
                        + " a key ending with ':' (e.g. '  pg1:'), not as a '- pg1' list item");
    }

    @Test
    void unknownKeyInAGroupIsRefused() {
        assertThatThrownBy(() -> load("all:\n  hosts:\n    pg1:\n  ansible_user: admin\n"))
                .hasMessage(file() + ":4: key 'ansible_user': unknown key in group 'all'. Hint: a group holds only"
                        + " 'hosts:', 'children:' and 'vars:'; put variables under 'vars:'");
    }

    @Test
    void portMustBeAnIntegerInRange() {
        assertThatThrownBy(() -> load("all:\n  hosts:\n    pg1:\n      ansible_port: 70000\n"))
                .hasMessage(file() + ":4: key 'ansible_port': '70000' is not a port number. "
                        + "Hint: write an integer from 1 to 65535, e.g. ansible_port: 22");
        assertThatThrownBy(() -> load("all:\n  hosts:\n    pg1:\n      port: ssh\n"))
                .hasMessageStartingWith(file() + ":4: key 'port': 'ssh' is not a port number.");
    }

    @Test
    void badExtraVarIsBlamedOnTheCommandLine() {
        assertThatThrownBy(() -> load("all:\n  hosts:\n    pg1:\n", Map.of("ansible_port", "x")))
                .hasMessageStartingWith("command line (-e): key 'ansible_port': 'x' is not a port number.");
    }

    @Test
    void becomeMustBeABoolean() throws Exception {
        assertThatThrownBy(() -> load("all:\n  vars:\n    ansible_become: sometimes\n  hosts:\n    pg1:\n"))
                .hasMessage(file() + ":3: key 'ansible_become': 'sometimes' is not a boolean. Hint: write true or false");
        assertThat(load("all:\n  vars:\n    become: no\n  hosts:\n    pg1:\n").hosts().get(0).connection().become())
                .isFalse();
    }

    @Test
    void duplicateHostKeyInOneMappingIsRefused() {
        assertThatThrownBy(() -> load("all:\n  hosts:\n    pg1:\n    pg2:\n    pg1:\n"))
                .hasMessageStartingWith(file() + ":5: key 'pg1': duplicate key (first defined at line 3).");
    }

    @Test
    void aHostInSeveralGroupsIsNotADuplicate() throws Exception {
        Inventory inventory = load("""
                all:
                  children:
                    etcd:
                      hosts:
                        pg1: {ansible_host: 192.0.2.11}
                    postgres:
                      hosts:
                        pg1:
                """);
        assertThat(inventory.hosts()).hasSize(1);
        assertThat(inventory.hosts().get(0).connection().address()).isEqualTo("192.0.2.11");
    }

    @Test
    void twoHostsWithTheSameAddressAndPortAreRefused() {
        assertThatThrownBy(() -> load("""
                all:
                  hosts:
                    pg1: {ansible_host: 192.0.2.11}
                    pg2: {ansible_host: 192.0.2.11}
                """))
                .hasMessageStartingWith(file() + ":4: key 'pg2': same address and port as host 'pg1' (192.0.2.11:22).")
                .hasMessageContaining("Hint: give each host its own ansible_host");
    }

    @Test
    void blankAddressIsRefused() {
        assertThatThrownBy(() -> load("all:\n  hosts:\n    pg1:\n      ansible_host: ' '\n"))
                .hasMessageStartingWith(file() + ":4: key 'ansible_host': the address is empty or contains spaces.");
    }

    @Test
    void numericVersionIsRefusedWithTheQuotedSpelling() {
        assertThatThrownBy(() -> load("all:\n  vars:\n    postgresql_version: 16.10\n  hosts:\n    pg1:\n"))
                .hasMessage(file() + ":3: key 'postgresql_version': '16.10' is read by YAML as the number 16.1. "
                        + "Hint: write it as a string: \"16.10\"");
    }

    @Test
    void conflictingAliasesAreRefused() {
        assertThatThrownBy(() -> load("all:\n  hosts:\n    pg1:\n      ansible_port: 22\n      port: 2222\n"))
                .hasMessage(file() + ":5: key 'port': conflicts with ansible_port set at " + file() + ":4. "
                        + "Hint: these names mean the same thing; keep only one of them");
    }

    @Test
    void pghaNamesAreAccepted() throws Exception {
        Files.writeString(dir.resolve("id_test"), "placeholder");
        Inventory inventory = load("""
                all:
                  hosts:
                    pg1:
                      address: 192.0.2.11
                      port: 2022
                      user: dba
                      private_key_file: id_test
                      pgha_private_key_passphrase: not-printed
                      become: true
                      pgha_jump: bastion
                """);
        var connection = inventory.hosts().get(0).connection();
        assertThat(connection.address()).isEqualTo("192.0.2.11");
        assertThat(connection.port()).isEqualTo(2022);
        assertThat(connection.user()).isEqualTo("dba");
        assertThat(connection.privateKeyFile()).isEqualTo(dir.resolve("id_test").toAbsolutePath());
        assertThat(connection.passphrase()).isEqualTo("not-printed");
        assertThat(connection.become()).isTrue();
        assertThat(connection.jump().address()).isEqualTo("bastion");
        assertThat(connection.jump().user()).isEqualTo("dba");
        assertThat(connection.jump().port()).isEqualTo(22);
        assertThat(connection.toString()).doesNotContain("not-printed");
    }

    @Test
    void defaultsAreTheHostNamePort22AndTheCurrentUser() throws Exception {
        var connection = load("all:\n  hosts:\n    pg1.example.org:\n").hosts().get(0).connection();
        assertThat(connection.address()).isEqualTo("pg1.example.org");
        assertThat(connection.port()).isEqualTo(22);
        assertThat(connection.user()).isEqualTo("tester");
        assertThat(connection.become()).isFalse();
        assertThat(connection.jump()).isNull();
    }

    @Test
    void missingKeyFileIsRefused() {
        assertThatThrownBy(() -> load("all:\n  vars:\n    ansible_ssh_private_key_file: keys/none\n  hosts:\n    pg1:\n"))
                .hasMessageStartingWith(file() + ":3: key 'ansible_ssh_private_key_file': no such key file: ")
                .hasMessageContaining("Hint: check the path; relative paths are resolved against the inventory's folder");
    }

    @Test
    void nonSshConnectionsAndProxyCommandAreRefused() {
        assertThatThrownBy(() -> load("all:\n  hosts:\n    pg1:\n      ansible_connection: local\n"))
                .hasMessageStartingWith(file() + ":4: key 'ansible_connection': pgha connects over SSH only");
        assertThatThrownBy(() -> load("""
                all:
                  hosts:
                    pg1:
                      ansible_ssh_common_args: '-o ProxyCommand="ssh -W %h:%p bastion"'
                """))
                .hasMessageStartingWith(file() + ":4: key 'ansible_ssh_common_args': ProxyCommand is not supported.")
                .hasMessageContaining("pgha_jump");
    }

    @Test
    void jumpHostFromSshCommonArgsDashJ() throws Exception {
        var jump = load("all:\n  hosts:\n    pg1:\n      ansible_ssh_common_args: -J ops@[2001:db8::1]:2201\n")
                .hosts().get(0).connection().jump();
        assertThat(jump.user()).isEqualTo("ops");
        assertThat(jump.address()).isEqualTo("2001:db8::1");
        assertThat(jump.port()).isEqualTo(2201);
    }

    @Test
    void groupVarsForAnUnknownGroupIsATypo() throws Exception {
        Files.createDirectories(dir.resolve("group_vars"));
        Files.writeString(dir.resolve("group_vars/postgress.yml"), "a: 1\n");
        assertThatThrownBy(() -> load("postgres:\n  hosts:\n    pg1:\n"))
                .hasMessage(dir.resolve("group_vars/postgress.yml") + ": no group named 'postgress' in the inventory. "
                        + "Hint: rename it to match the group 'postgres'");
    }

    @Test
    void errorsInVarsFilesNameThatFile() throws Exception {
        Files.createDirectories(dir.resolve("host_vars"));
        Path hostVars = Files.writeString(dir.resolve("host_vars/pg1.yml"), "ansible_port: 22\npatroni_version: 4.0\n");
        assertThatThrownBy(() -> load("all:\n  hosts:\n    pg1:\n"))
                .hasMessageStartingWith(hostVars + ":2: key 'patroni_version': '4.0' is read by YAML as the number 4.0.");
        Files.writeString(hostVars, "ansible_port: twenty-two\n");
        assertThatThrownBy(() -> load("all:\n  hosts:\n    pg1:\n"))
                .hasMessageStartingWith(hostVars + ":1: key 'ansible_port':");
    }

    @Test
    void hostRangesExpandLikeAnsible() throws Exception {
        assertThat(load("all:\n  hosts:\n    pg[1:3]:\n    db-[08:10:2]:\n").hosts())
                .extracting(InventoryHost::name).containsExactly("pg1", "pg2", "pg3", "db-08", "db-10");
        assertThatThrownBy(() -> load("all:\n  hosts:\n    pg[1-3]:\n"))
                .hasMessageStartingWith(file() + ":3: key 'pg[1-3]': invalid host range.");
    }

    @Test
    void groupCyclesAndEmptyInventoriesAreRefused() throws Exception {
        assertThatThrownBy(() -> load("a:\n  hosts: {pg1: }\n  children:\n    b:\n      children:\n        a:\n"))
                .hasMessageContaining("group cycle: all -> a -> b -> a");
        assertThatThrownBy(() -> load("# nothing yet\n"))
                .hasMessageStartingWith(file() + ": the inventory is empty.");
        assertThatThrownBy(() -> load("all:\n  vars: {x: 1}\n"))
                .hasMessageStartingWith(file() + ":1: the inventory has no hosts.");
    }

    @Test
    void scalarWhereAMappingBelongsHintsAtTheUsualMistake() {
        assertThatThrownBy(() -> load("all:\n  hosts:\n    pg1: 192.0.2.11\n"))
                .hasMessage(file() + ":3: key 'pg1': host variables must be a mapping, not the text '192.0.2.11'. "
                        + "Hint: write the host's variables indented below its name, e.g. 'pg1:' then "
                        + "'  ansible_host: 192.0.2.11'");
        assertThatThrownBy(() -> load("ansible_user: admin\nall:\n  hosts: {pg1: }\n"))
                .hasMessageStartingWith(file() + ":1: key 'ansible_user': a group must be a mapping, not the text "
                        + "'admin'. Hint: if 'ansible_user' is a variable, put it under 'vars:'");
    }

    @Test
    void templatedConnectionVariablesAreRefused() {
        assertThatThrownBy(() -> load("all:\n  hosts:\n    pg1:\n      ansible_host: \"{{ inventory_hostname }}.lan\"\n"))
                .hasMessageStartingWith(file() + ":4: key 'ansible_host': templates are not supported in connection "
                        + "variables.");
    }

    @Test
    void thePassphraseStaysOutOfTheHostVariables() throws Exception {
        InventoryHost host = load("all:\n  hosts:\n    pg1:\n      pgha_private_key_passphrase: hidden\n")
                .hosts().get(0);
        assertThat(host.connection().passphrase()).isEqualTo("hidden");
        assertThat(host.vars()).doesNotContainKey("pgha_private_key_passphrase");
    }

    @Test
    void hostAndGroupWithTheSameNameAreRefused() {
        assertThatThrownBy(() -> load("all:\n  hosts:\n    etcd:\n  children:\n    etcd:\n      hosts: {pg1: }\n"))
                .hasMessageStartingWith(file() + ":5: key 'etcd': a group has the same name as a host.");
    }
}
