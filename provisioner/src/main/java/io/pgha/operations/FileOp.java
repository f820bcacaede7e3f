package io.pgha.operations;

import io.pgha.facts.PathStat;
import io.pgha.facts.PathStatFact;
import io.pgha.facts.PathType;
import io.pgha.transport.ShellQuote;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code file}: a directory, an (empty if new) regular file or a symbolic link exists with the
 * given owner, group and mode, or nothing is at the path. It never overwrites something of
 * another type: that is left to the user, since it may hold data.
 */
final class FileOp implements Operation {
    private static final Set<String> ALLOWED = Set.of("path", "state", "src", "owner", "group", "mode");

    @Override
    public String name() {
        return "file";
    }

    @Override
    public Plan plan(OperationContext ctx, Map<String, Object> rawArgs) throws OperationException {
        Args args = Args.of(name(), rawArgs, ALLOWED);
        String path = args.path("path");
        String state = args.oneOf("state", "file", "file", "directory", "link", "absent");
        String owner = args.optionalString("owner");
        String group = args.optionalString("group");
        Integer mode = args.mode("mode");
        String src = args.optionalString("src");
        if (state.equals("link") && src == null) {
            throw args.error("src", "is required with state: link (the path the link points to)");
        }
        if (!state.equals("link") && src != null) {
            throw args.error("src", "is only used with state: link");
        }
        if (state.equals("link") && mode != null) {
            throw args.error("mode", "cannot be set on a symbolic link");
        }
        if (state.equals("absent") && path.matches("/+[^/]*/*")) {
            throw args.error("path", "refuses to remove a top-level path (" + path + ")");
        }

        Optional<PathStat> found = ctx.fact(new PathStatFact(path));
        String p = ShellQuote.quote(path);
        if (state.equals("absent")) {
            return found.isEmpty() ? Plan.noChange(path + " is already absent")
                    : Plan.change("remove " + path, List.of(new Action.Exec("rm -rf -- " + p)));
        }

        PathType wanted = switch (state) {
            case "directory" -> PathType.DIRECTORY;
            case "link" -> PathType.LINK;
            default -> PathType.FILE;
        };
        List<String> commands = new ArrayList<>();
        List<String> what = new ArrayList<>();
        if (found.isPresent() && found.get().type() != wanted) {
            throw new OperationException(path + " exists as a " + found.get().type().name().toLowerCase(Locale.ROOT)
                    + ", not a " + state + ": remove it first (file with state: absent) if it may go");
        }
        if (found.isEmpty()) {
            commands.add(switch (wanted) {
                case DIRECTORY -> "mkdir -p -- " + p;
                case LINK -> "ln -s -- " + ShellQuote.quote(src) + " " + p;
                default -> "touch -- " + p;
            });
            what.add("create " + state);
        } else if (wanted == PathType.LINK && !src.equals(found.get().linkTarget())) {
            commands.add("ln -sfn -- " + ShellQuote.quote(src) + " " + p);
            what.add("point to " + src + " (was " + found.get().linkTarget() + ")");
        }

        boolean fresh = found.isEmpty();
        PathStat stat = found.orElse(null);
        boolean ownerDiffers = owner != null && (fresh || !owner.equals(stat.owner()));
        boolean groupDiffers = group != null && (fresh || !group.equals(stat.group()));
        if (ownerDiffers || groupDiffers) {
            String who = (ownerDiffers ? owner : "") + (groupDiffers ? ":" + group : "");
            commands.add("chown " + (wanted == PathType.LINK ? "-h " : "") + ShellQuote.quote(who) + " -- " + p);
            if (!fresh) {
                what.add("owner " + stat.owner() + ":" + stat.group() + " -> " + who);
            }
        }
        if (mode != null && (fresh || mode != stat.mode())) {
            commands.add("chmod " + FileMode.format(mode) + " -- " + p);
            if (!fresh) {
                what.add("mode " + FileMode.format(stat.mode()) + " -> " + FileMode.format(mode));
            }
        }
        if (commands.isEmpty()) {
            return Plan.noChange(path + " is already a " + state + " with the wanted owner and mode");
        }
        return Plan.change(path + ": " + String.join(", ", what),
                List.of(new Action.Exec(String.join(" && ", commands))));
    }
}
