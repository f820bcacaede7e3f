package io.pgha.facts;

import io.pgha.transport.ExecResult;

import java.util.Optional;

/** The container technology the host runs in ("lxc", "systemd-nspawn", ...); empty on a VM or bare metal. */
public final class ContainerFact implements Fact<Optional<String>> {

    @Override
    public String command() {
        // Exits 1 with "none" outside a container; a host without systemd prints nothing: neither is an error.
        return "systemd-detect-virt --container 2>/dev/null";
    }

    @Override
    public boolean needsRoot() {
        return false;
    }

    @Override
    public Optional<String> parse(ExecResult result) {
        String virt = result.stdout() == null ? "" : result.stdout().strip();
        return virt.isEmpty() || virt.equals("none") ? Optional.empty() : Optional.of(virt);
    }
}
