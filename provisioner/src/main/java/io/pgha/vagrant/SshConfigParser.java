package io.pgha.vagrant;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses the text {@code vagrant ssh-config} prints (OpenSSH client configuration syntax: one {@code Host} block per
 * running machine). Only the keywords pgha needs are read; Vagrant's others (StrictHostKeyChecking no, ...) are
 * deliberately ignored, since pgha checks host keys itself.
 */
public final class SshConfigParser {

    /**
     * @param text   the command's standard output
     * @param source what produced the text, for messages (e.g. "`vagrant ssh-config` in /path/vagrant")
     */
    public List<SshConfigEntry> parse(String text, String source) {
        List<SshConfigEntry> entries = new ArrayList<>();
        Block block = null;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] kv = keywordAndValue(line);
            String keyword = kv[0].toLowerCase(Locale.ROOT);
            String value = unquote(kv[1]);
            if (keyword.equals("host")) {
                if (block != null) {
                    entries.add(block.finish(source));
                }
                if (value.isEmpty() || value.contains(" ")) {
                    throw new VagrantException(source + ", line " + lineNo + ": 'Host " + kv[1]
                            + "' must name exactly one machine");
                }
                block = new Block(value, lineNo);
                continue;
            }
            if (block == null) {
                throw new VagrantException(source + ", line " + lineNo + ": '" + line
                        + "' appears before any 'Host' line; this is not `vagrant ssh-config` output");
            }
            switch (keyword) {
                case "hostname" -> block.hostName = value;
                case "user" -> block.user = value;
                case "port" -> block.port = port(value, source, lineNo);
                case "identityfile" -> block.identityFiles.add(Path.of(value));
                default -> {
                    // Other OpenSSH options do not change how pgha connects.
                }
            }
        }
        if (block != null) {
            entries.add(block.finish(source));
        }
        return entries;
    }

    private static String[] keywordAndValue(String line) {
        int cut = 0;
        while (cut < line.length() && !Character.isWhitespace(line.charAt(cut)) && line.charAt(cut) != '=') {
            cut++;
        }
        String rest = line.substring(cut).strip();
        if (rest.startsWith("=")) {
            rest = rest.substring(1).strip();
        }
        return new String[]{line.substring(0, cut), rest};
    }

    /** Vagrant quotes values that contain spaces, e.g. {@code IdentityFile "/home/me/my vms/private_key"}. */
    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    private static int port(String value, String source, int lineNo) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new VagrantException(source + ", line " + lineNo + ": Port '" + value
                + "' is not a TCP port (1-65535)");
    }

    private static final class Block {
        final String machine;
        final int line;
        String hostName;
        String user;
        int port = 22;
        final List<Path> identityFiles = new ArrayList<>();

        Block(String machine, int line) {
            this.machine = machine;
            this.line = line;
        }

        SshConfigEntry finish(String source) {
            String where = source + ", Host " + machine + " (line " + line + ")";
            if (hostName == null || hostName.isEmpty()) {
                throw new VagrantException(where + ": no HostName; is the machine fully up? Try `vagrant up "
                        + machine + "`");
            }
            if (user == null || user.isEmpty()) {
                throw new VagrantException(where + ": no User");
            }
            if (identityFiles.isEmpty()) {
                throw new VagrantException(where + ": no IdentityFile; pgha logs in with a key, so the box must "
                        + "use key authentication (Vagrant's default)");
            }
            return new SshConfigEntry(machine, hostName, port, user, identityFiles, line);
        }
    }
}
