package io.pgha.facts;

/**
 * What kind of system a host is, for {@code pgha ping} and for modules that behave differently in
 * containers.
 *
 * @param virtualization systemd-detect-virt's answer ("kvm", "systemd-nspawn", ...) or "none"
 * @param systemdPid1    whether systemd runs as PID 1 (systemctl works)
 */
public record OsInfo(String prettyName, String id, String versionCodename, String kernel, String virtualization,
                     boolean systemdPid1) {

    public boolean container() {
        return switch (virtualization) {
            case "openvz", "lxc", "lxc-libvirt", "systemd-nspawn", "docker", "podman", "rkt", "wsl", "proot",
                 "pouch", "container-other" -> true;
            default -> false;
        };
    }

    /** One line for {@code pgha ping}: "Debian GNU/Linux 13 (trixie), kernel 6.1.0, systemd-nspawn container". */
    public String summary() {
        String where = virtualization.equals("none") ? "bare metal"
                : virtualization + (container() ? " container" : " VM");
        return prettyName + ", kernel " + kernel + ", " + where + (systemdPid1 ? "" : ", systemd is not PID 1");
    }
}
