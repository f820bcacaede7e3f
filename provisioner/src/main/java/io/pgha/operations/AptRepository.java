package io.pgha.operations;

import io.pgha.facts.FileQuery;
import io.pgha.facts.FileState;
import io.pgha.facts.FilesFact;
import io.pgha.transport.ShellQuote;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code apt_repository}: an apt source in deb822 form with its own signing key
 * (/etc/apt/keyrings/NAME.asc, referenced by {@code Signed-By:}), refreshing the package lists
 * only when either file changed.
 */
final class AptRepository implements Operation {
    static final String KEYRINGS = "/etc/apt/keyrings";
    static final String SOURCES = "/etc/apt/sources.list.d";
    private static final Set<String> ALLOWED =
            Set.of("name", "uris", "suites", "components", "architectures", "key", "key_file", "state");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final String ARMOR = "-----BEGIN PGP PUBLIC KEY BLOCK-----";

    @Override
    public String name() {
        return "apt_repository";
    }

    @Override
    public Plan plan(OperationContext ctx, Map<String, Object> rawArgs) throws OperationException {
        Args args = Args.of(name(), rawArgs, ALLOWED);
        String name = args.string("name");
        if (!NAME.matcher(name).matches()) {
            throw args.error("name", "must be lower-case letters, digits, '.', '_' or '-' (got '" + name + "')");
        }
        String keyPath = KEYRINGS + "/" + name + ".asc";
        String sourcesPath = SOURCES + "/" + name + ".sources";
        if (args.oneOf("state", "present", "present", "absent").equals("absent")) {
            return remove(ctx, keyPath, sourcesPath);
        }

        String key = key(ctx, args);
        String sources = "# Managed by pgha\n"
                + "Types: deb\n"
                + "URIs: " + words(args, "uris", true) + "\n"
                + "Suites: " + words(args, "suites", true) + "\n"
                + optionalLine("Components", words(args, "components", false))
                + optionalLine("Architectures", words(args, "architectures", false))
                + "Signed-By: " + keyPath + "\n";
        List<FileChange> changes = ManagedFiles.compare(ctx, List.of(
                new DesiredFile(FileSpec.plain(keyPath, 0644), key.getBytes(StandardCharsets.UTF_8)),
                new DesiredFile(FileSpec.plain(sourcesPath, 0644), sources.getBytes(StandardCharsets.UTF_8))));
        List<Action> actions = new ArrayList<>();
        List<String> what = new ArrayList<>();
        StringBuilder diff = new StringBuilder();
        for (FileChange change : changes) {
            actions.addAll(change.actions());
            if (change.changes()) {
                what.add(change.summary());
            }
            if (change.diff() != null) {
                diff.append(change.diff());
            }
        }
        if (actions.isEmpty()) {
            return Plan.noChange("repository " + name + " is already configured");
        }
        actions.add(Apt.updateAction());
        return Plan.change(String.join(", ", what) + " and update the package lists", actions)
                .withDiff(diff.length() == 0 ? null : diff.toString());
    }

    private static Plan remove(OperationContext ctx, String keyPath, String sourcesPath) throws OperationException {
        List<FileState> states = ctx.fact(new FilesFact(List.of(
                FileQuery.compareWith(keyPath, null), FileQuery.compareWith(sourcesPath, null))));
        if (states.stream().noneMatch(FileState::exists)) {
            return Plan.noChange("repository is already absent");
        }
        return Plan.change("remove " + sourcesPath + " and " + keyPath + " and update the package lists", List.of(
                new Action.Exec("rm -f -- " + ShellQuote.quote(sourcesPath) + " " + ShellQuote.quote(keyPath)),
                Apt.updateAction()));
    }

    private static String key(OperationContext ctx, Args args) throws OperationException {
        String source = args.exactlyOne("key", "key_file");
        String key;
        if (source.equals("key")) {
            key = args.string("key");
        } else {
            Path file = ctx.roleFile(args.string("key_file"));
            try {
                key = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw args.error("key_file", "names a file that cannot be read: " + file + " (" + e.getMessage() + ")");
            }
        }
        if (!key.contains(ARMOR)) {
            throw args.error(source, "must be an ASCII-armored public key (text starting with " + ARMOR
                    + "); convert a binary key with: gpg --enarmor < key.gpg");
        }
        return key.endsWith("\n") ? key : key + "\n";
    }

    private static String words(Args args, String name, boolean required) throws OperationException {
        List<String> words = args.stringList(name, true);
        if (required && words.isEmpty()) {
            throw args.error(name, "is required (one value or a list)");
        }
        return String.join(" ", words);
    }

    private static String optionalLine(String field, String value) {
        return value.isEmpty() ? "" : field + ": " + value + "\n";
    }
}
