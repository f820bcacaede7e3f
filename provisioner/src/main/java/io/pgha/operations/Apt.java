package io.pgha.operations;

import io.pgha.facts.AptFact;
import io.pgha.facts.AptListsAgeFact;
import io.pgha.facts.FilesFact;
import io.pgha.transport.ShellQuote;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code apt}: packages installed or absent, optionally refreshing the package lists when they
 * are older than {@code cache_valid_time}. Installing retries, since the dpkg lock (apt-daily,
 * another run) and mirror hiccups are transient.
 */
final class Apt implements Operation {
    private static final Set<String> ALLOWED =
            Set.of("packages", "state", "update_cache", "cache_valid_time", "install_recommends", "purge");
    private static final Pattern PACKAGE = Pattern.compile("([a-z0-9][a-z0-9+.-]+)(?:=([A-Za-z0-9.+~:-]+))?");
    static final String APT_GET = "DEBIAN_FRONTEND=noninteractive apt-get -y -o DPkg::Lock::Timeout=300";
    private static final long DEFAULT_CACHE_VALID_SECONDS = 3600;
    private static final int RETRIES = 3;
    private static final Duration RETRY_DELAY = Duration.ofSeconds(15);
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(20);
    static final Duration UPDATE_TIMEOUT = Duration.ofMinutes(5);

    @Override
    public String name() {
        return "apt";
    }

    @Override
    public Plan plan(OperationContext ctx, Map<String, Object> rawArgs) throws OperationException {
        Args args = Args.of(name(), rawArgs, ALLOWED);
        boolean present = args.oneOf("state", "present", "present", "absent").equals("present");
        boolean updateCache = args.bool("update_cache", false);
        long validFor = args.integer("cache_valid_time", DEFAULT_CACHE_VALID_SECONDS, 0);
        boolean recommends = args.bool("install_recommends", false);
        boolean purge = args.bool("purge", false);
        List<String> specs = args.stringList("packages", true);
        if (specs.isEmpty() && !updateCache) {
            throw args.error("packages", "is required (a package name or a list of them), unless update_cache is set");
        }
        List<String> names = new ArrayList<>();
        List<String> versions = new ArrayList<>();
        for (String spec : specs) {
            Matcher m = PACKAGE.matcher(spec);
            if (!m.matches()) {
                throw args.error("packages", "has an invalid package name '" + spec
                        + "' (lower-case Debian package names, optionally name=version)");
            }
            names.add(m.group(1));
            versions.add(m.group(2));
        }

        Map<String, String> installed = names.isEmpty() ? Map.of() : ctx.fact(new AptFact(names)).installed();
        List<String> todo = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String version = installed.get(names.get(i));
            boolean wanted = present
                    ? version != null && (versions.get(i) == null || versions.get(i).equals(version))
                    : version == null;
            if (!wanted) {
                todo.add(specs.get(i));
            }
        }
        // Only refresh when there is something to install (or the task only asks for the refresh): a converged
        // host must report no change however old its lists are, or a re-run a day later is not a no-op. Their
        // age is asked only then, so a converged host costs one process per task.
        boolean refresh = updateCache && (specs.isEmpty() || (present && !todo.isEmpty()))
                && stale(ctx.fact(new AptListsAgeFact()), validFor);

        List<Action> actions = new ArrayList<>();
        List<String> what = new ArrayList<>();
        if (refresh) {
            actions.add(updateAction());
            what.add("update the package lists");
        }
        if (!todo.isEmpty()) {
            String verb = present ? "install" + (recommends ? "" : " --no-install-recommends")
                    : purge ? "purge" : "remove";
            actions.add(new Action.Exec(APT_GET + " " + verb + " " + ShellQuote.join(todo),
                    INSTALL_TIMEOUT, RETRIES, RETRY_DELAY));
            what.add((present ? "install " : purge ? "purge " : "remove ") + String.join(", ", todo));
        }
        if (actions.isEmpty()) {
            return Plan.noChange(specs.isEmpty() ? "package lists are fresh"
                    : (present ? "already installed: " : "already absent: ") + String.join(", ", names));
        }
        return Plan.change(String.join(" and ", what), actions);
    }

    private static boolean stale(OptionalLong ageSeconds, long validFor) {
        return ageSeconds.isEmpty() || ageSeconds.getAsLong() > validFor;
    }

    /** Refreshes the lists and stamps the time, so cache_valid_time works on hosts without apt's periodic hook. */
    static Action updateAction() {
        return new Action.Exec(APT_GET + " update && mkdir -p " + FilesFact.parentOf(AptListsAgeFact.UPDATE_STAMP)
                + " && touch " + AptListsAgeFact.UPDATE_STAMP, UPDATE_TIMEOUT, RETRIES, RETRY_DELAY);
    }
}
