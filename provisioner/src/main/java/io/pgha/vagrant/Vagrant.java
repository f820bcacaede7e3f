package io.pgha.vagrant;

import java.nio.file.Path;
import java.util.List;

/** The two Vagrant commands the inventory generator needs, run in the folder that holds the Vagrantfile. */
public interface Vagrant {
    /** The folder with the Vagrantfile (its {@code .vagrant/} holds the machines' keys). */
    Path directory();

    /** Standard output of {@code vagrant ssh-config [MACHINE...]} (all machines when the list is empty). */
    String sshConfig(List<String> machines);

    /** Standard output of {@code vagrant ssh MACHINE -c COMMAND}. */
    String ssh(String machine, String command);
}
