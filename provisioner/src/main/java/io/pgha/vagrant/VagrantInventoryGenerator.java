package io.pgha.vagrant;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Turns the running VMs of a Vagrantfile into a pgha inventory and a known_hosts file: {@code vagrant ssh-config}
 * gives machines, users and keys; one {@code vagrant ssh NAME -c ...} per VM gives its host keys and its
 * private-network address. Both files are written only when every VM answered, each replaced atomically.
 */
public final class VagrantInventoryGenerator {
    /** The fault helper beside the Vagrantfile: {@code fault crash|poweroff|start|partition|heal NAME [SECONDS]}. */
    static final String FAULT_SCRIPT = "fault";
    /**
     * The drill faults the helper injects at the VM level; service faults (stop, kill, start-service) go over SSH
     * as on real servers.
     */
    static final List<String> FAULT_ACTIONS = List.of("crash", "start", "partition", "heal");

    private final Vagrant vagrant;
    private final MachineProbe probe;
    private final Map<String, String> extraVars;
    private final Supplier<List<ControlAddress.Local>> localAddresses;

    /**
     * @param extraVars      variables for all hosts, e.g. {@code postgresql_source: distro} where PGDG is unreachable
     * @param localAddresses this machine's IPv4 addresses, among which its address on the VMs' network is found
     */
    public VagrantInventoryGenerator(Vagrant vagrant, MachineProbe probe, Map<String, String> extraVars,
                                     Supplier<List<ControlAddress.Local>> localAddresses) {
        this.vagrant = vagrant;
        this.probe = probe;
        this.extraVars = Map.copyOf(extraVars);
        this.localAddresses = localAddresses;
    }

    /**
     * @param machines   the machines to include; empty means every machine Vagrant reports
     * @param inventory  the inventory file to write
     * @param knownHosts the known_hosts file to write
     */
    public List<VagrantMember> generate(List<String> machines, Path inventory, Path knownHosts) {
        Path dir = vagrant.directory();
        String fault = faultCommand(dir);
        String source = "`vagrant ssh-config` in " + dir;
        List<SshConfigEntry> entries = new SshConfigParser().parse(vagrant.sshConfig(machines), source);
        if (entries.isEmpty()) {
            throw new VagrantException("no running VMs: " + source + " listed no machine. Start them with "
                    + "`vagrant up` in " + dir);
        }
        List<VagrantMember> members = new ArrayList<>();
        Map<String, String> byAddress = new HashMap<>();
        MachineProbe.Facts first = null;
        for (SshConfigEntry entry : entries) {
            Path key = privateKey(entry, dir);
            MachineProbe.Facts facts = probe.parse(entry.machine(), vagrant.ssh(entry.machine(), probe.command()));
            first = first == null ? facts : first;
            String clash = byAddress.putIfAbsent(facts.clusterAddress(), entry.machine());
            if (clash != null) {
                throw new VagrantException("VMs " + clash + " and " + entry.machine() + " both have the private "
                        + "address " + facts.clusterAddress() + ": give each its own address (PGHA_VAGRANT_IPS or "
                        + "the settings file), then `vagrant reload`");
            }
            members.add(new VagrantMember(entry.machine(), facts.clusterAddress(), entry.user(), key,
                    entry.hostName() + ":" + entry.port(), facts.hostKeys()));
        }
        String control = controlAddress(first, entries.get(0).machine());
        writeAtomically(knownHosts, new KnownHostsFile().render(members));
        writeAtomically(inventory, new InventoryYaml().render(members, knownHosts, fault, FAULT_ACTIONS, control,
                extraVars, dir));
        return members;
    }

    /**
     * This machine's address on the VMs' private network: pgha (ping, provision, verify, drills) connects from it,
     * and PostgreSQL must accept it. A machine without one cannot reach the members at all.
     */
    private String controlAddress(MachineProbe.Facts facts, String machine) {
        return ControlAddress.find(facts.clusterAddress(), facts.prefixLength(), localAddresses.get())
                .orElseThrow(() -> new VagrantException("this machine has no address on the VMs' private network ("
                        + machine + " is " + facts.clusterAddress() + "/" + facts.prefixLength() + "), so pgha "
                        + "cannot reach the members there. Run pgha on the machine that runs the VMs, where "
                        + "libvirt's bridge or VirtualBox's host-only adapter gives it one (e.g. 10.79.1.1)"));
    }

    /** pgha splits the fault command template on whitespace (no shell), so the path must not contain any. */
    private static String faultCommand(Path dir) {
        String script = dir.resolve(FAULT_SCRIPT).toString();
        if (script.matches(".*\\s.*")) {
            throw new VagrantException("the Vagrant folder " + dir + " contains a space, which pgha's fault command "
                    + "(pgha_fault_command, split on spaces) cannot hold: use a path without spaces, e.g. a symlink");
        }
        return script + " {action} {host} {seconds}";
    }

    /** The first IdentityFile that exists, as Vagrant would use it. */
    private static Path privateKey(SshConfigEntry entry, Path dir) {
        for (Path file : entry.identityFiles()) {
            Path resolved = dir.resolve(file).normalize();
            if (Files.isReadable(resolved)) {
                return resolved;
            }
        }
        throw new VagrantException("VM " + entry.machine() + ": its private key " + entry.identityFiles().get(0)
                + " (IdentityFile in `vagrant ssh-config`) does not exist or is not readable. Was "
                + dir.resolve(".vagrant") + " removed or made by another user? Recreate the VM with "
                + "`vagrant destroy -f " + entry.machine() + " && vagrant up " + entry.machine() + "`");
    }

    private static void writeAtomically(Path file, String content) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
            try {
                Files.writeString(tmp, content, StandardCharsets.UTF_8);
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new VagrantException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
