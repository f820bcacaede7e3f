package io.pgha.inventory;

import io.pgha.transport.ConnectionSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A host's SSH connection from its merged variables, accepting Ansible's names and pgha's short ones.
 * Everything is checked here, before any connection is attempted.
 */
final class ConnectionResolver {
    static final List<String> ADDRESS = List.of("ansible_host", "ansible_ssh_host", "address");
    static final List<String> PORT = List.of("ansible_port", "ansible_ssh_port", "port");
    static final List<String> USER = List.of("ansible_user", "ansible_ssh_user", "user");
    static final List<String> KEY_FILE = List.of("ansible_ssh_private_key_file", "ansible_private_key_file",
            "private_key_file");
    static final List<String> BECOME = List.of("ansible_become", "become");
    static final String PASSPHRASE = "pgha_private_key_passphrase";
    static final String JUMP = "pgha_jump";
    static final String SSH_COMMON_ARGS = "ansible_ssh_common_args";
    static final String CONNECTION = "ansible_connection";
    private static final Set<String> SSH_CONNECTIONS = Set.of("ssh", "smart", "paramiko");
    private static final Pattern JUMP_SPEC = Pattern.compile("(?:([^@\\s]+)@)?(\\[[^\\]]+]|[^:@\\s\\[\\]]+)(?::(\\d+))?");
    private static final Pattern PROXY_JUMP = Pattern.compile(
            "(?:-J\\s*|-o\\s*['\"]?ProxyJump[=\\s]\\s*)([^\\s'\"]+)['\"]?", Pattern.CASE_INSENSITIVE);

    private final Path inventoryDir;
    private final String defaultUser;
    private final Path defaultKey;

    ConnectionResolver(Path inventoryDir, String defaultUser, Path defaultKey) {
        this.inventoryDir = inventoryDir;
        this.defaultUser = defaultUser;
        this.defaultKey = defaultKey;
    }

    /** The user's default key, as OpenSSH picks it: the first of ~/.ssh/id_ed25519, id_ecdsa, id_rsa that exists. */
    static Path defaultKey() {
        Path ssh = Path.of(System.getProperty("user.home"), ".ssh");
        for (String name : List.of("id_ed25519", "id_ecdsa", "id_rsa")) {
            if (Files.isRegularFile(ssh.resolve(name))) {
                return ssh.resolve(name);
            }
        }
        return null;
    }

    ConnectionSpec resolve(String hostName, HostVars vars) throws InventoryException {
        checkConnectionType(vars);
        checkNoTemplates(vars);
        String address = address(hostName, vars);
        int port = port(vars);
        String user = text(vars, USER, defaultUser);
        Path key = keyFile(vars);
        String passphrase = vars.has(PASSPHRASE) ? String.valueOf(vars.get(PASSPHRASE)) : null;
        boolean become = become(vars);
        ConnectionSpec jump = jump(vars, user, key, passphrase);
        return new ConnectionSpec(hostName, address, port, user, key, passphrase, become, jump);
    }

    private static void checkConnectionType(HostVars vars) throws InventoryException {
        if (vars.has(CONNECTION) && !SSH_CONNECTIONS.contains(String.valueOf(vars.get(CONNECTION)))) {
            throw new InventoryException(vars.origin(CONNECTION).problem(CONNECTION,
                    "pgha connects over SSH only, not '" + vars.get(CONNECTION) + "'",
                    "remove " + CONNECTION + " or set it to ssh; pgha needs SSH access to every host"));
        }
    }

    /** Connection variables are needed before any templating happens (there are no facts yet). */
    private static void checkNoTemplates(HostVars vars) throws InventoryException {
        List<String> names = new ArrayList<>();
        List.of(ADDRESS, PORT, USER, KEY_FILE, BECOME).forEach(names::addAll);
        names.addAll(List.of(PASSPHRASE, JUMP, SSH_COMMON_ARGS));
        for (String name : names) {
            if (vars.get(name) instanceof String text && (text.contains("{{") || text.contains("{%"))) {
                throw new InventoryException(vars.origin(name).problem(name,
                        "templates are not supported in connection variables",
                        "write the value itself, e.g. " + name + ": 192.0.2.11"));
            }
        }
    }

    private static String address(String hostName, HostVars vars) throws InventoryException {
        String key = present(vars, ADDRESS);
        if (key == null) {
            return hostName;
        }
        String address = String.valueOf(vars.get(key));
        if (vars.get(key) == null || address.isBlank() || address.chars().anyMatch(Character::isWhitespace)) {
            throw new InventoryException(vars.origin(key).problem(key, "the address is empty or contains spaces",
                    "write the host's DNS name or IP address, or remove the key to use the host name '" + hostName + "'"));
        }
        return address;
    }

    private static int port(HostVars vars) throws InventoryException {
        String key = present(vars, PORT);
        if (key == null) {
            return 22;
        }
        Object value = vars.get(key);
        String text = String.valueOf(value).trim();
        if ((value instanceof Integer || value instanceof String) && text.matches("[0-9]{1,5}")) {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        }
        throw new InventoryException(vars.origin(key).problem(key, "'" + value + "' is not a port number",
                "write an integer from 1 to 65535, e.g. " + key + ": 22"));
    }

    private Path keyFile(HostVars vars) throws InventoryException {
        String key = present(vars, KEY_FILE);
        if (key == null) {
            return defaultKey;
        }
        String text = String.valueOf(vars.get(key));
        if (vars.get(key) == null || text.isBlank()) {
            throw new InventoryException(vars.origin(key).problem(key, "the key file is empty",
                    "write the path of the SSH private key, or remove the key to use ~/.ssh/id_ed25519"));
        }
        Path path = text.equals("~") || text.startsWith("~/")
                ? Path.of(System.getProperty("user.home") + text.substring(1))
                : inventoryDir.resolve(text);
        path = path.normalize();
        if (!Files.isRegularFile(path)) {
            throw new InventoryException(vars.origin(key).problem(key, "no such key file: " + path,
                    "check the path; relative paths are resolved against the inventory's folder " + inventoryDir));
        }
        return path;
    }

    private static boolean become(HostVars vars) throws InventoryException {
        String key = present(vars, BECOME);
        if (key == null) {
            return false;
        }
        Object value = vars.get(key);
        if (value instanceof Boolean flag) {
            return flag;
        }
        // -e values are strings, and Ansible users write yes/no (YAML 1.1 booleans).
        String text = String.valueOf(value).toLowerCase(Locale.ROOT);
        if (Set.of("true", "yes").contains(text)) {
            return true;
        }
        if (Set.of("false", "no").contains(text)) {
            return false;
        }
        throw new InventoryException(vars.origin(key).problem(key, "'" + value + "' is not a boolean",
                "write true or false"));
    }

    private ConnectionSpec jump(HostVars vars, String user, Path key, String passphrase) throws InventoryException {
        String source;
        String spec;
        if (vars.has(JUMP)) {
            source = JUMP;
            spec = String.valueOf(vars.get(JUMP)).trim();
        } else if (vars.has(SSH_COMMON_ARGS)) {
            source = SSH_COMMON_ARGS;
            String args = String.valueOf(vars.get(SSH_COMMON_ARGS));
            if (args.toLowerCase(Locale.ROOT).contains("proxycommand")) {
                throw new InventoryException(vars.origin(source).problem(source, "ProxyCommand is not supported",
                        "use a jump host instead: pgha_jump: user@bastion:22"));
            }
            Matcher matcher = PROXY_JUMP.matcher(args);
            if (!matcher.find()) {
                return null;
            }
            spec = matcher.group(1);
        } else {
            return null;
        }
        if (spec.contains(",")) {
            throw new InventoryException(vars.origin(source).problem(source, "several jump hosts are not supported",
                    "use one jump host: user@host:port"));
        }
        Matcher matcher = JUMP_SPEC.matcher(spec);
        int port = matcher.matches() && matcher.group(3) != null ? Integer.parseInt(matcher.group(3)) : 22;
        if (!matcher.matches() || port < 1 || port > 65535) {
            throw new InventoryException(vars.origin(source).problem(source, "'" + spec + "' is not a jump host",
                    "write user@host:port, e.g. " + JUMP + ": admin@bastion.example.org:22 (user and port optional)"));
        }
        String host = matcher.group(2).replaceAll("^\\[|]$", "");
        String jumpUser = Objects.requireNonNullElse(matcher.group(1), user);
        return new ConnectionSpec(host, host, port, jumpUser, key, passphrase, false, null);
    }

    private static String text(HostVars vars, List<String> names, String fallback) throws InventoryException {
        String key = present(vars, names);
        if (key == null) {
            return fallback;
        }
        String text = String.valueOf(vars.get(key));
        if (vars.get(key) == null || text.isBlank()) {
            throw new InventoryException(vars.origin(key).problem(key, "the value is empty",
                    "write a value or remove the key"));
        }
        return text;
    }

    /** The one name among aliases that is set; two aliases set to different values is an error. */
    private static String present(HostVars vars, List<String> aliases) throws InventoryException {
        String first = null;
        for (String alias : aliases) {
            if (!vars.has(alias)) {
                continue;
            }
            if (first == null) {
                first = alias;
            } else if (!String.valueOf(vars.get(alias)).equals(String.valueOf(vars.get(first)))) {
                throw new InventoryException(vars.origin(alias).problem(alias,
                        "conflicts with " + first + " set at " + vars.origin(first),
                        "these names mean the same thing; keep only one of them"));
            }
        }
        return first;
    }
}
