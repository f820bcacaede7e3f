package io.pgha.cli;

import io.pgha.vagrant.ControlAddress;
import io.pgha.vagrant.MachineProbe;
import io.pgha.vagrant.Vagrant;
import io.pgha.vagrant.VagrantCli;
import io.pgha.vagrant.VagrantException;
import io.pgha.vagrant.VagrantInventoryGenerator;
import io.pgha.vagrant.VagrantMember;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;

/** {@code pgha vagrant-inventory}: inventory + known_hosts for the VMs that pgha's Vagrantfile brought up. */
@Command(name = "vagrant-inventory", mixinStandardHelpOptions = true,
        description = {
                "Write a pgha inventory and a known_hosts file for the running VMs of a Vagrantfile.",
                "Users, keys and machines come from `vagrant ssh-config`; each VM's host keys and private-network "
                        + "address are read over `vagrant ssh`, so pgha keeps strict host-key checking.",
                "Then: pgha ping -i <inventory>; pgha provision -i <inventory>."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:files written", "1:Vagrant or a VM did not answer as expected (nothing written)",
                "2:usage error"})
public final class VagrantInventoryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dir", defaultValue = "vagrant", paramLabel = "DIR",
            description = "folder holding the Vagrantfile (default: ${DEFAULT-VALUE})")
    Path dir;

    @Option(names = "--out", paramLabel = "FILE",
            description = "inventory file to write (default: DIR/generated/inventory.yml)")
    Path out;

    @Option(names = "--known-hosts", paramLabel = "FILE",
            description = "known_hosts file to write (default: known_hosts beside the inventory)")
    Path knownHosts;

    @Option(names = "--interface", defaultValue = "eth1", paramLabel = "NIC",
            description = "the VMs' NIC on the private (cluster) network (default: ${DEFAULT-VALUE})")
    String clusterInterface;

    @Option(names = "--var", paramLabel = "KEY=VALUE",
            description = "a variable for all hosts, repeatable (e.g. --var postgresql_source=distro "
                    + "--var postgresql_version=15 where the PostgreSQL apt repository is unreachable)")
    Map<String, String> vars = new LinkedHashMap<>();

    @Parameters(paramLabel = "MACHINE", arity = "0..*",
            description = "machines to include (default: all of the Vagrantfile, which must all be running)")
    List<String> machines = new ArrayList<>();

    private final Function<Path, Vagrant> vagrantFactory;
    private final Supplier<List<ControlAddress.Local>> localAddresses;

    public VagrantInventoryCommand() {
        this(VagrantCli::in, ControlAddress::ofThisMachine);
    }

    /** @param localAddresses this machine's IPv4 addresses (its address on the VMs' network is among them) */
    VagrantInventoryCommand(Function<Path, Vagrant> vagrantFactory, Supplier<List<ControlAddress.Local>> localAddresses) {
        this.vagrantFactory = vagrantFactory;
        this.localAddresses = localAddresses;
    }

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        for (String key : vars.keySet()) {
            if (!key.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new ParameterException(spec.commandLine(), "--var " + key + "=...: '" + key
                        + "' is not a variable name (letters, digits, underscore)");
            }
        }
        Path inventory = out != null ? out : dir.resolve("generated").resolve("inventory.yml");
        Path hostsFile = knownHosts != null ? knownHosts
                : inventory.toAbsolutePath().getParent().resolve("known_hosts");
        try {
            Vagrant vagrant = vagrantFactory.apply(dir);
            List<VagrantMember> members = new VagrantInventoryGenerator(vagrant, new MachineProbe(clusterInterface),
                    vars, localAddresses)
                    .generate(machines, inventory, hostsFile);
            for (VagrantMember m : members) {
                stdout.printf("%-8s %-15s %d host key(s)  (Vagrant reaches it at %s)%n", m.name(), m.address(),
                        m.hostKeys().size(), m.vagrantAddress());
            }
            stdout.printf("wrote %s%nwrote %s%nnext: pgha ping -i %s%n", inventory, hostsFile, inventory);
            stdout.flush();
            return ExitCodes.OK;
        } catch (VagrantException e) {
            stderr.println("pgha vagrant-inventory: " + e.getMessage());
            stderr.flush();
            return ExitCodes.FAILED;
        }
    }
}
