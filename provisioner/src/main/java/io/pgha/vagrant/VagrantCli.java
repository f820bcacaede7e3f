package io.pgha.vagrant;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the {@code vagrant} executable as a child process. */
public final class VagrantCli implements Vagrant {
    private final Path directory;
    private final String executable;
    private final Duration timeout;

    public VagrantCli(Path directory, String executable, Duration timeout) {
        this.directory = directory.toAbsolutePath().normalize();
        this.executable = executable;
        this.timeout = timeout;
        if (!Files.isRegularFile(this.directory.resolve("Vagrantfile"))) {
            throw new VagrantException("no Vagrantfile in " + this.directory
                    + ": point --dir at the folder holding pgha's Vagrantfile (vagrant/ in the pgha checkout)");
        }
    }

    public static VagrantCli in(Path directory) {
        // vagrant ssh starts Ruby and, under software emulation, waits on a slow guest: be generous.
        return new VagrantCli(directory, "vagrant", Duration.ofMinutes(3));
    }

    @Override
    public Path directory() {
        return directory;
    }

    @Override
    public String sshConfig(List<String> machines) {
        List<String> args = new ArrayList<>(List.of("ssh-config"));
        args.addAll(machines);
        return run(args, "Are the VMs running? Start them with `vagrant up` in " + directory
                + ", or name only the running ones");
    }

    @Override
    public String ssh(String machine, String command) {
        return run(List.of("ssh", machine, "--no-tty", "-c", command),
                "Is " + machine + " running? `vagrant status " + machine + "` in " + directory);
    }

    private String run(List<String> args, String hint) {
        List<String> cmd = new ArrayList<>();
        cmd.add(executable);
        cmd.addAll(args);
        String shown = String.join(" ", cmd);
        Process process;
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(directory.toFile());
            // Machine-readable English output, and no colour codes in what we parse.
            pb.environment().put("VAGRANT_NO_COLOR", "1");
            pb.environment().put("LC_ALL", "C.UTF-8");
            process = pb.start();
        } catch (IOException e) {
            throw new VagrantException("cannot run `" + executable + "`: " + e.getMessage()
                    + ". Install Vagrant (https://developer.hashicorp.com/vagrant/install, or `apt install vagrant`)", e);
        }
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // nothing is ever written to vagrant's stdin
        }
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        try {
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new VagrantException("`" + shown + "` did not finish within " + timeout.toSeconds() + " s. "
                        + hint);
            }
            if (process.exitValue() != 0) {
                throw new VagrantException("`" + shown + "` failed (exit " + process.exitValue() + ") in "
                        + directory + ": " + summary(err.join()) + " " + hint);
            }
            return out.join();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new VagrantException("interrupted while running `" + shown + "`", e);
        }
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Vagrant's error messages are wrapped paragraphs whose first sentence matters most: one line, bounded. */
    private static String summary(String stderr) {
        String text = String.join(" ", stderr.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
        if (text.isEmpty()) {
            return "(no error output).";
        }
        return text.length() <= 400 ? text : text.substring(0, 400) + " ...";
    }
}
