package io.pgha.operations;

import io.pgha.facts.UserFact;
import io.pgha.facts.UserInfo;
import io.pgha.transport.ShellQuote;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code user}: a local account with the given home, shell and supplementary groups. Groups are
 * only added, never taken away (other software may have added the account to its groups); a
 * changed home is recorded, not moved; a removed account keeps its home directory.
 */
final class User implements Operation {
    private static final Set<String> ALLOWED =
            Set.of("name", "state", "system", "home", "shell", "groups", "create_home");
    private static final Pattern ACCOUNT = Pattern.compile("[a-z_][a-z0-9_-]*\\$?");

    @Override
    public String name() {
        return "user";
    }

    static String accountName(Args args) throws OperationException {
        String name = args.string("name");
        if (!ACCOUNT.matcher(name).matches() || name.length() > 32) {
            throw args.error("name", "must be a valid account name (lower-case letters, digits, '_' or '-', "
                    + "starting with a letter or '_'; got '" + name + "')");
        }
        return name;
    }

    @Override
    public Plan plan(OperationContext ctx, Map<String, Object> rawArgs) throws OperationException {
        Args args = Args.of(name(), rawArgs, ALLOWED);
        String name = accountName(args);
        boolean present = args.oneOf("state", "present", "present", "absent").equals("present");
        boolean system = args.bool("system", false);
        String home = args.optionalString("home");
        if (home != null) {
            home = args.path("home");
        }
        String shell = args.optionalString("shell");
        if (shell != null) {
            shell = args.path("shell");
        }
        List<String> groups = args.stringList("groups", true);
        boolean createHome = args.bool("create_home", !system);
        String n = ShellQuote.quote(name);

        Optional<UserInfo> found = ctx.fact(new UserFact(name));
        if (!present) {
            return found.isEmpty() ? Plan.noChange("user " + name + " is already absent")
                    : Plan.change("remove user " + name + " (its home is kept)", List.of(new Action.Exec("userdel " + n)));
        }
        if (found.isEmpty()) {
            List<String> words = new ArrayList<>(List.of("useradd"));
            if (system) {
                words.add("--system");
            }
            if (home != null) {
                words.addAll(List.of("--home-dir", home));
            }
            words.add(createHome ? "--create-home" : "--no-create-home");
            if (shell != null) {
                words.addAll(List.of("--shell", shell));
            }
            if (!groups.isEmpty()) {
                words.addAll(List.of("--groups", String.join(",", groups)));
            }
            words.add(name);
            return Plan.change("create user " + name, List.of(new Action.Exec(ShellQuote.join(words))));
        }

        UserInfo user = found.get();
        List<String> words = new ArrayList<>(List.of("usermod"));
        List<String> what = new ArrayList<>();
        if (home != null && !home.equals(user.home())) {
            words.addAll(List.of("--home", home));
            what.add("home " + user.home() + " -> " + home);
        }
        if (shell != null && !shell.equals(user.shell())) {
            words.addAll(List.of("--shell", shell));
            what.add("shell " + user.shell() + " -> " + shell);
        }
        List<String> missing = groups.stream().filter(g -> !user.groups().contains(g)).toList();
        if (!missing.isEmpty()) {
            words.addAll(List.of("--append", "--groups", String.join(",", missing)));
            what.add("add to " + String.join(", ", missing));
        }
        if (what.isEmpty()) {
            return Plan.noChange("user " + name + " is already as wanted");
        }
        words.add(name);
        return Plan.change("user " + name + ": " + String.join(", ", what),
                List.of(new Action.Exec(ShellQuote.join(words))));
    }
}
