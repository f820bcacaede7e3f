package io.pgha.operations;

import io.pgha.facts.FileQuery;
import io.pgha.facts.FileState;
import io.pgha.facts.FilesFact;
import io.pgha.transport.RemoteFile;
import io.pgha.transport.ShellQuote;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Compares whole files with the host (one round trip for all of them) and plans atomic uploads
 * or owner/mode fixes. Shared by copy, template, yaml_file, systemd_unit and apt_repository.
 */
final class ManagedFiles {
    private static final int DEFAULT_MODE = 0644;
    private static final Pattern SECRET_PATH = Pattern.compile("(?i).*(\\.key|\\.pem|\\.p12|pgpass|secret|password|credential|token)[^/]*$");
    private static final Pattern SECRET_CONTENT =
            Pattern.compile("(?im)^\\s*[\\w.-]*(password|passwd|secret|token)[\\w.-]*\\s*[:=]\\s*\\S");

    private ManagedFiles() {
    }

    static FileChange compare(OperationContext ctx, DesiredFile desired) throws OperationException {
        return compare(ctx, List.of(desired)).get(0);
    }

    static List<FileChange> compare(OperationContext ctx, List<DesiredFile> files) throws OperationException {
        List<FileQuery> queries = new ArrayList<>();
        for (DesiredFile f : files) {
            queries.add(FileQuery.compareWith(f.spec().path(), sha256(f.content())));
        }
        List<FileState> states = ctx.fact(new FilesFact(queries));
        List<FileChange> changes = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            changes.add(plan(files.get(i), states.get(i), ctx.become()));
        }
        return changes;
    }

    static FileChange plan(DesiredFile desired, FileState state, boolean become) throws OperationException {
        FileSpec spec = desired.spec();
        String path = spec.path();
        if (state.otherType() != null) {
            throw new OperationException(path + " is a " + state.otherType() + ", not a regular file: remove it first");
        }
        int mode = spec.mode() != null ? spec.mode() : state.exists() ? state.mode() : DEFAULT_MODE;
        String owner = spec.owner() != null ? spec.owner() : state.exists() ? state.owner() : null;
        String group = spec.group() != null ? spec.group() : state.exists() ? state.group() : null;
        String digest = sha256(desired.content());

        if (!state.exists() || !digest.equals(state.sha256())) {
            List<Action> actions = new ArrayList<>();
            if (!state.parentExists()) {
                actions.add(new Action.Exec("mkdir -p -- " + ShellQuote.quote(FilesFact.parentOf(path))));
            }
            actions.add(new Action.Upload(desired.content(),
                    new RemoteFile(path, FileMode.format(mode), owner, group, become, spec.validate())));
            String summary = (state.exists() ? "update " : "create ") + path;
            return new FileChange(path, actions, true, summary, diff(desired, state, mode));
        }

        List<String> fixes = new ArrayList<>();
        List<String> commands = new ArrayList<>();
        boolean ownerDiffers = spec.owner() != null && !spec.owner().equals(state.owner());
        boolean groupDiffers = spec.group() != null && !spec.group().equals(state.group());
        if (ownerDiffers || groupDiffers) {
            String who = (ownerDiffers ? spec.owner() : "") + (groupDiffers ? ":" + spec.group() : "");
            commands.add("chown " + ShellQuote.quote(who) + " -- " + ShellQuote.quote(path));
            fixes.add("owner " + state.owner() + ":" + state.group() + " -> " + owner + ":" + group);
        }
        if (spec.mode() != null && spec.mode() != state.mode()) {
            commands.add("chmod " + FileMode.format(mode) + " -- " + ShellQuote.quote(path));
            fixes.add("mode " + FileMode.format(state.mode()) + " -> " + FileMode.format(mode));
        }
        if (commands.isEmpty()) {
            return new FileChange(path, List.of(), false, path + " is up to date", null);
        }
        return new FileChange(path, List.of(new Action.Exec(String.join(" && ", commands))), false,
                "set " + String.join(", ", fixes) + " of " + path, null);
    }

    private static String diff(DesiredFile desired, FileState state, int mode) {
        String path = desired.spec().path();
        boolean created = !state.exists();
        if (!desired.spec().diff()) {
            return TextDiff.hidden(path, created, "diff: false");
        }
        if (FileMode.restricted(mode)) {
            return TextDiff.hidden(path, created, "mode " + FileMode.format(mode) + " is not world-readable");
        }
        if (SECRET_PATH.matcher(path).matches()) {
            return TextDiff.hidden(path, created, "the file name looks secret");
        }
        String newText = new String(desired.content(), StandardCharsets.UTF_8);
        String oldText = state.content() == null ? "" : new String(state.content(), StandardCharsets.UTF_8);
        if (SECRET_CONTENT.matcher(newText).find() || SECRET_CONTENT.matcher(oldText).find()) {
            return TextDiff.hidden(path, created, "the content looks like it holds a secret");
        }
        if (!created && state.content() == null) {
            return TextDiff.unavailable(path);
        }
        return TextDiff.unified(path, created ? null : state.content(), desired.content());
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
