package io.pgha.roles;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlaybookLoaderTest {
    private static final Set<String> MODULES = Set.of("apt", "template", "service", "command", "file", "copy");

    @TempDir
    Path dir;

    private Path write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private Playbook load() throws RoleException {
        return new PlaybookLoader(MODULES).load(dir.resolve("site.yml"));
    }

    /** A valid two-play playbook; each bad case below replaces one file. */
    @BeforeEach
    void validPlaybook() throws IOException {
        write("site.yml", """
                - name: Base system
                  hosts: all
                  roles: [common]
                - name: Database
                  hosts: postgres,etcd
                  roles:
                    - common
                    - patroni
                """);
        write("roles/common/tasks.yml", """
                - name: Install packages
                  apt: {name: [curl, jq], state: present}
                  tags: base
                """);
        write("roles/patroni/tasks.yml", """
                - name: Write the Patroni configuration
                  template:
                    src: patroni.yml.j2
                    dest: /etc/patroni/config.yml
                    mode: "0600"
                  when: patroni_enabled
                  become: true
                  register: patroni_cfg

                - name: Reload Patroni
                  service: {name: patroni, state: reloaded}
                  if_changed: [Write the Patroni configuration, common/Install packages]
                  when: [a, "b | default(true)"]
                  loop: "{{ groups['etcd'] }}"
                  tags: [patroni, config]
                - name: Create the data folder
                  file:
                """);
        write("roles/patroni/templates/patroni.yml.j2", "scope: {{ cluster_name }}\n");
        write("roles/patroni/defaults.yml", "patroni_ttl: 30\npatroni_version: \"4.0.4\"\n");
        write("roles/patroni/meta.yml", """
                secrets: [patroni_api_password, replication_password]
                asserts:
                  - that: groups['etcd'] | length == 3
                    msg: "etcd needs 3 members, found {{ groups['etcd'] | length }}"
                """);
    }

    @Test
    void loadsPlaysRolesTasksDefaultsAndMeta() throws Exception {
        Playbook playbook = load();
        assertThat(playbook.file()).isEqualTo(dir.resolve("site.yml"));
        assertThat(playbook.plays()).extracting(PlaySpec::name, PlaySpec::hosts)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Base system", "all"),
                        org.assertj.core.groups.Tuple.tuple("Database", "postgres,etcd"));
        Role common = playbook.plays().get(0).roles().get(0);
        assertThat(playbook.plays().get(1).roles().get(0)).isSameAs(common);
        assertThat(common.defaults()).isEmpty();
        assertThat(common.secrets()).isEmpty();
        assertThat(common.tasks().get(0).tags()).containsExactly("common", "base");

        Role patroni = playbook.plays().get(1).roles().get(1);
        assertThat(patroni.name()).isEqualTo("patroni");
        assertThat(patroni.dir()).isEqualTo(dir.resolve("roles/patroni"));
        assertThat(patroni.defaults()).containsExactly(Map.entry("patroni_ttl", 30), Map.entry("patroni_version", "4.0.4"));
        assertThat(patroni.secrets()).containsExactly("patroni_api_password", "replication_password");
        assertThat(patroni.asserts()).containsExactly(new Assertion("groups['etcd'] | length == 3",
                "etcd needs 3 members, found {{ groups['etcd'] | length }}", "roles/patroni/meta.yml:3"));

        List<TaskSpec> tasks = patroni.tasks();
        assertThat(tasks).hasSize(3);
        TaskSpec write = tasks.get(0);
        assertThat(write.module()).isEqualTo("template");
        assertThat(write.args()).containsEntry("src", "patroni.yml.j2").containsEntry("mode", "0600");
        assertThat(write.when()).containsExactly("patroni_enabled");
        assertThat(write.become()).isTrue();
        assertThat(write.register()).isEqualTo("patroni_cfg");
        assertThat(write.ifChanged()).isEmpty();
        assertThat(write.loop()).isNull();
        assertThat(write.source()).isEqualTo("roles/patroni/tasks.yml:1");

        TaskSpec reload = tasks.get(1);
        assertThat(reload.source()).isEqualTo("roles/patroni/tasks.yml:10");
        assertThat(reload.ifChanged()).containsExactly("Write the Patroni configuration", "common/Install packages");
        assertThat(reload.when()).containsExactly("a", "b | default(true)");
        assertThat(reload.loop()).isEqualTo("{{ groups['etcd'] }}");
        assertThat(reload.tags()).containsExactly("patroni", "config");
        assertThat(reload.become()).isNull();
        assertThat(tasks.get(2).args()).isEmpty();
        assertThat(common.tasks().get(0).args().get("name")).isEqualTo(List.of("curl", "jq"));
    }

    private void assertTasksRefused(String tasks, String message) throws IOException {
        Path file = write("roles/patroni/tasks.yml", tasks);
        assertThatThrownBy(this::load).isInstanceOf(RoleException.class).hasMessage(file + message);
    }

    @Test
    void unknownTaskKeySuggestsTheClosest() throws Exception {
        assertTasksRefused("- name: A\n  apt: {name: curl}\n  whne: x\n",
                ":3: key 'whne': unknown module or task key. Hint: did you mean 'when'?");
    }

    @Test
    void unknownModuleSuggestsTheClosest() throws Exception {
        assertTasksRefused("- name: A\n  templte: {src: a, dest: b}\n",
                ":2: key 'templte': unknown module or task key. Hint: did you mean 'template'?");
    }

    @Test
    void taskWithoutModuleOrWithTwo() throws Exception {
        assertTasksRefused("- name: A\n  when: x\n",
                ":1: key 'name': the task has no module. Hint: add exactly one module key, one of: "
                        + "apt, command, copy, file, service, template");
        assertTasksRefused("- name: A\n  apt: {name: curl}\n  service: {name: x}\n",
                ":3: key 'service': several modules in one task: apt, service. Hint: split it into one task per module");
    }

    @Test
    void missingOrDuplicateTaskName() throws Exception {
        assertTasksRefused("- apt: {name: curl}\n",
                ":1: key 'name': the task has no name. Hint: start the task with '- name: what it does' "
                        + "(if_changed and the results refer to it)");
        assertTasksRefused("- name: A\n  apt: {name: curl}\n- name: A\n  apt: {name: jq}\n",
                ":3: key 'name': duplicate task name 'A' (first at line 1). Hint: give each task of a role its own name");
    }

    @Test
    void ifChangedMustNameAnEarlierTask() throws Exception {
        assertTasksRefused("""
                - name: Reload
                  service: {name: patroni}
                  if_changed: Write config
                - name: Write config
                  template: {src: a, dest: b}
                """, ":3: key 'if_changed': no earlier task named 'Write config'. "
                + "Hint: name a task written above this one in the role, or 'role/task name' of an earlier role");
        assertTasksRefused("- name: Write\n  apt: {}\n- name: Reload\n  service: {}\n  if_changed: Wrte\n",
                ":5: key 'if_changed': no earlier task named 'Wrte'. Hint: did you mean 'Write'?");
        assertTasksRefused("- name: Reload\n  service: {}\n  if_changed: etcd/Install etcd\n",
                ":3: key 'if_changed': no earlier task named 'etcd/Install etcd'. Hint: name a task written above "
                        + "this one in the role, or 'role/task name' of an earlier role");
    }

    @Test
    void badTaskValues() throws Exception {
        assertTasksRefused("- name: A\n  apt: curl\n", ":2: key 'apt': the module's arguments must be a mapping, "
                + "not 'curl'. Hint: write the arguments as 'key: value' lines indented below 'apt:'");
        assertTasksRefused("- name: A\n  file: {path: /x, mode: 0640}\n",
                ":2: key 'mode': '0640' is read by YAML as the number 640. Hint: write it as a string: \"0640\"");
        assertTasksRefused("- name: A\n  apt: {}\n  become: yes\n",
                ":3: key 'become': 'yes' is not a boolean. Hint: write true or false (YAML 1.2 reads yes/no as text)");
        assertTasksRefused("- name: A\n  apt: {}\n  loop: {a: 1}\n",
                ":3: key 'loop': loop must be a list or an expression. "
                        + "Hint: write a list, e.g. [a, b], or a string such as \"{{ groups['etcd'] }}\"");
        assertTasksRefused("- name: A\n  apt: {}\n  register: my-var\n",
                ":3: key 'register': 'my-var' is not a variable name. "
                        + "Hint: use letters, digits and '_', starting with a letter");
        assertTasksRefused("name: A\n", ":1: tasks.yml must be a list of tasks. Hint: start each task with '- name: ...'");
    }

    @Test
    void templateAndCopySourcesMustExistInTheRole() throws Exception {
        assertTasksRefused("- name: A\n  template:\n    src: patroni.yaml.j2\n    dest: /x\n",
                ":3: key 'src': no such file " + dir.resolve("roles/patroni/templates/patroni.yaml.j2")
                        + ". Hint: put the file in " + dir.resolve("roles/patroni/templates") + " or fix the name");
        assertTasksRefused("- name: A\n  copy: {src: ../../common/tasks.yml, dest: /x}\n",
                ":2: key 'src': '../../common/tasks.yml' is outside the role's files/. Hint: write a path relative to "
                        + dir.resolve("roles/patroni/files"));
        write("roles/patroni/tasks.yml", "- name: A\n  template: {src: \"{{ flavour }}.j2\", dest: /x}\n");
        assertThat(load().plays().get(1).roles().get(1).tasks()).hasSize(1);
    }

    @Test
    void missingRoleFolderSuggestsTheClosest() throws Exception {
        Path site = write("site.yml", "- name: Database\n  hosts: postgres\n  roles:\n    - common\n    - patroin\n");
        assertThatThrownBy(this::load).hasMessage(site + ":5: key 'roles': no role folder "
                + dir.resolve("roles/patroin") + ". Hint: did you mean 'patroni'?");
    }

    @Test
    void badPlays() throws Exception {
        Path site = write("site.yml", "- name: X\n  hosts: all\n  roles: [common]\n  become: true\n");
        assertThatThrownBy(this::load).hasMessage(site + ":4: key 'become': unknown key in a play. "
                + "Hint: a play has only 'name', 'hosts' and 'roles'; tasks, vars and become belong in roles");
        write("site.yml", "- name: X\n  roles: [common]\n");
        assertThatThrownBy(this::load).hasMessageStartingWith(site + ":1: key 'hosts': the play needs 'hosts'.");
        write("site.yml", "- name: X\n  hosts: all\n  role: [common]\n");
        assertThatThrownBy(this::load).hasMessage(site + ":3: key 'role': unknown key in a play. Hint: did you mean 'roles'?");
        write("site.yml", "all:\n  hosts: {}\n");
        assertThatThrownBy(this::load).hasMessageStartingWith(site + ":1: a playbook must be a non-empty list of plays.");
    }

    @Test
    void badMetaAndDefaults() throws Exception {
        Path meta = write("roles/patroni/meta.yml", "secrets: [ok_name]\ndependencies: []\n");
        assertThatThrownBy(this::load).hasMessageStartingWith(meta + ":2: key 'dependencies': unknown key in meta.yml.");
        write("roles/patroni/meta.yml", "asserts:\n  - that: x > 1\n");
        assertThatThrownBy(this::load).hasMessageStartingWith(meta + ":2: key 'msg': the assert has no message.");
        write("roles/patroni/meta.yml", "secrets:\n  - good\n  - bad-name\n");
        assertThatThrownBy(this::load).hasMessageStartingWith(meta + ":3: key 'secrets': 'bad-name' is not a secret name.");
        Files.delete(meta);
        Path defaults = write("roles/patroni/defaults.yml", "patroni_version: 4.0\n");
        assertThatThrownBy(this::load).hasMessage(defaults + ":1: key 'patroni_version': '4.0' is read by YAML as "
                + "the number 4.0. Hint: write it as a string: \"4.0\"");
    }

    @Test
    void roleWithoutTasksFile() throws Exception {
        Files.delete(dir.resolve("roles/common/tasks.yml"));
        assertThatThrownBy(this::load).hasMessageStartingWith(dir.resolve("roles/common/tasks.yml")
                + ": the role 'common' has no tasks.yml.");
    }

    @Test
    void syntaxErrorInARoleNamesTheRoleFile() throws Exception {
        Path tasks = write("roles/common/tasks.yml", "- name: A\n  apt: {name: curl\n");
        assertThatThrownBy(this::load).hasMessageStartingWith(tasks + ":3:").hasMessageContaining("Hint: ");
    }
}
