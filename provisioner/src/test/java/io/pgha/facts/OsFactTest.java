package io.pgha.facts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OsFactTest {

    @Test
    void trixieInNspawn() throws Exception {
        String out = "@@pgha:osrelease\n"
                + "PRETTY_NAME=\"Debian GNU/Linux 13 (trixie)\"\nNAME=\"Debian GNU/Linux\"\nVERSION_ID=\"13\"\n"
                + "VERSION=\"13 (trixie)\"\nVERSION_CODENAME=trixie\nID=debian\n"
                + "@@pgha:kernel\n6.1.0-40-amd64\n@@pgha:virt\nsystemd-nspawn\n@@pgha:pid1\nsystemd\n";

        OsInfo os = new OsFact().parse(LocalShell.result(out));

        assertThat(os).isEqualTo(new OsInfo("Debian GNU/Linux 13 (trixie)", "debian", "trixie", "6.1.0-40-amd64",
                "systemd-nspawn", true));
        assertThat(os.container()).isTrue();
        assertThat(os.summary()).isEqualTo("Debian GNU/Linux 13 (trixie), kernel 6.1.0-40-amd64, systemd-nspawn container");
    }

    @Test
    void vmWithoutSystemdAndSingleQuotes() throws Exception {
        String out = "@@pgha:osrelease\nPRETTY_NAME='Ubuntu 24.04 LTS'\nID=ubuntu\n"
                + "@@pgha:kernel\n6.8.0\n@@pgha:virt\nkvm\n@@pgha:pid1\ninit\n";

        OsInfo os = new OsFact().parse(LocalShell.result(out));

        assertThat(os.prettyName()).isEqualTo("Ubuntu 24.04 LTS");
        assertThat(os.versionCodename()).isEmpty();
        assertThat(os.container()).isFalse();
        assertThat(os.systemdPid1()).isFalse();
        assertThat(os.summary()).isEqualTo("Ubuntu 24.04 LTS, kernel 6.8.0, kvm VM, systemd is not PID 1");
    }

    @Test
    void runsHere() throws Exception {
        OsFact fact = new OsFact();

        OsInfo os = fact.parse(LocalShell.run(fact.command()));

        // What cat, uname and the process table say, read with the shell's builtins.
        assertThat(os.kernel()).isEqualTo(LocalShell.run("uname -r").stdout().strip());
        assertThat(os.id()).isEqualTo(OsFact.osRelease(LocalShell.run("cat /etc/os-release").stdout()).get("ID"));
        assertThat(os.prettyName()).isEqualTo(OsFact.osRelease(LocalShell.run("cat /etc/os-release").stdout()).get("PRETTY_NAME"));
        assertThat(os.systemdPid1()).isEqualTo(LocalShell.run("cat /proc/1/comm").stdout().strip().equals("systemd"));
    }
}
