package io.pgha.roles;

import io.pgha.yaml.Problem;
import io.pgha.yaml.Suggest;
import io.pgha.yaml.YamlException;
import io.pgha.yaml.YamlList;
import io.pgha.yaml.YamlMap;
import io.pgha.yaml.YamlReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Loads a playbook ({@code site.yml}: a list of plays with {@code name}, {@code hosts}, {@code roles}) and every
 * role it names from {@code roles/} beside it. A role used by several plays is loaded once.
 */
public final class PlaybookLoader {
    private static final Set<String> PLAY_KEYS = Set.of("name", "hosts", "roles");

    private final Set<String> moduleNames;

    /** @param moduleNames the module keys tasks may use (the engine's registered operations) */
    public PlaybookLoader(Set<String> moduleNames) {
        this.moduleNames = Set.copyOf(moduleNames);
    }

    public Playbook load(Path playbookFile) throws RoleException {
        Object content;
        try {
            content = YamlReader.read(playbookFile);
        } catch (YamlException e) {
            throw new RoleException(e);
        }
        String file = playbookFile.toString();
        if (!(content instanceof YamlList plays) || plays.isEmpty()) {
            throw new RoleException(Problem.at(file, 1, null, "a playbook must be a non-empty list of plays",
                    "write '- name: ...', '  hosts: group', '  roles: [role]' for each play"));
        }
        Path folder = playbookFile.getParent() == null ? Path.of("") : playbookFile.getParent();
        Map<String, Role> loaded = new LinkedHashMap<>();
        List<PlaySpec> specs = new ArrayList<>();
        for (int i = 0; i < plays.size(); i++) {
            if (!(plays.get(i) instanceof YamlMap play)) {
                throw new RoleException(Problem.at(file, plays.line(i), null, "a play must be a mapping",
                        "write '- name: ...', '  hosts: group', '  roles: [role]'"));
            }
            specs.add(play(play, folder, loaded));
        }
        return new Playbook(playbookFile, List.copyOf(specs));
    }

    private PlaySpec play(YamlMap play, Path folder, Map<String, Role> loaded) throws RoleException {
        for (String key : play.keySet()) {
            if (!PLAY_KEYS.contains(key)) {
                String hint = Suggest.closest(key, PLAY_KEYS).map(s -> "did you mean '" + s + "'?")
                        .orElse("a play has only 'name', 'hosts' and 'roles'; tasks, vars and become belong in roles");
                throw new RoleException(Problem.in(play, key, "unknown key in a play", hint));
            }
        }
        if (!(play.get("hosts") instanceof String hosts) || hosts.isBlank()) {
            throw new RoleException(Problem.in(play, "hosts", "the play needs 'hosts'",
                    "write a group or host name, or several separated by commas, e.g. hosts: postgres"));
        }
        Object nameValue = play.get("name");
        if (nameValue != null && !(nameValue instanceof String)) {
            throw new RoleException(Problem.in(play, "name", "the play's name must be text", "quote the name"));
        }
        String name = nameValue == null ? hosts : (String) nameValue;
        if (!(play.get("roles") instanceof YamlList roleNames) || roleNames.isEmpty()) {
            throw new RoleException(Problem.in(play, "roles", "the play needs a list of roles",
                    "write e.g. roles: [common, etcd]"));
        }
        List<Role> roles = new ArrayList<>();
        for (int i = 0; i < roleNames.size(); i++) {
            roles.add(role(roleNames, i, folder, loaded));
        }
        return new PlaySpec(name, hosts, List.copyOf(roles));
    }

    private Role role(YamlList roleNames, int index, Path folder, Map<String, Role> loaded) throws RoleException {
        Object value = roleNames.get(index);
        if (!(value instanceof String name) || !RoleLoader.validName(name)) {
            throw new RoleException(Problem.at(roleNames.file(), roleNames.line(index), "roles",
                    "'" + value + "' is not a role name",
                    "write the name of a folder under roles/, e.g. roles: [common, etcd]"));
        }
        Role known = loaded.get(name);
        if (known != null) {
            return known;
        }
        Path rolesDir = folder.resolve("roles");
        if (!Files.isDirectory(rolesDir.resolve(name))) {
            Set<String> existing = existingRoles(rolesDir);
            throw new RoleException(Problem.at(roleNames.file(), roleNames.line(index), "roles",
                    "no role folder " + rolesDir.resolve(name),
                    Suggest.closest(name, existing).map(s -> "did you mean '" + s + "'?")
                            .orElse("create the folder with a tasks.yml, or fix the name; roles found: "
                                    + (existing.isEmpty() ? "none" : String.join(", ", existing)))));
        }
        Map<String, Set<String>> earlier = new LinkedHashMap<>();
        loaded.forEach((roleName, role) -> earlier.put(roleName,
                role.tasks().stream().map(TaskSpec::name).collect(Collectors.toSet())));
        Role role = new RoleLoader(folder, new TaskParser(moduleNames, earlier)).load(name);
        loaded.put(name, role);
        return role;
    }

    private static Set<String> existingRoles(Path rolesDir) {
        Set<String> names = new LinkedHashSet<>();
        if (Files.isDirectory(rolesDir)) {
            try (Stream<Path> entries = Files.list(rolesDir)) {
                entries.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().forEach(names::add);
            } catch (IOException e) {
                // Only used for a suggestion; the missing folder is the error to report.
            }
        }
        return names;
    }
}
