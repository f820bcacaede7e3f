package io.pgha.vagrant;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Vagrant} that answers with recorded output (as if the VMs ran in {@code directory}) and keeps the
 * commands it was asked to run. The generator under test is real; only the external program is replayed.
 */
public class RecordedVagrant implements Vagrant {
    private final Path directory;
    private final String sshConfig;
    final List<String> calls = new ArrayList<>();

    public RecordedVagrant(Path directory, String sshConfig) {
        this.directory = directory;
        this.sshConfig = sshConfig.replace(Recorded.RECORDED_DIR, directory.toString());
    }

    public static RecordedVagrant libvirt(Path directory) {
        return new RecordedVagrant(directory, Recorded.text("ssh-config-libvirt.txt"));
    }

    @Override
    public Path directory() {
        return directory;
    }

    @Override
    public String sshConfig(List<String> machines) {
        calls.add("ssh-config " + String.join(" ", machines));
        return sshConfig;
    }

    @Override
    public String ssh(String machine, String command) {
        calls.add("ssh " + machine + " -c " + command);
        return Recorded.text("probe-" + machine + ".txt");
    }
}
