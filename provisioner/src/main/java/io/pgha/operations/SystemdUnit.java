package io.pgha.operations;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code systemd_unit}: a unit file in /etc/systemd/system, or a drop-in for one
 * ({@code dropin: limits} → /etc/systemd/system/NAME.d/limits.conf), followed by
 * {@code systemctl daemon-reload} only when the file changed.
 */
final class SystemdUnit implements Operation {
    static final String UNIT_DIR = "/etc/systemd/system";
    private static final Set<String> ALLOWED = Set.of("name", "content", "src", "dropin", "diff");
    private static final Pattern UNIT_NAME = Pattern.compile("[A-Za-z0-9:_.\\\\@-]+");
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9:_.@-]+");
    private static final Pattern TYPED = Pattern.compile(
            ".*\\.(service|socket|timer|target|mount|automount|path|slice|scope|swap|device)");

    @Override
    public String name() {
        return "systemd_unit";
    }

    @Override
    public Plan plan(OperationContext ctx, Map<String, Object> rawArgs) throws OperationException {
        Args args = Args.of(name(), rawArgs, ALLOWED);
        String unit = unitName(args, "name");
        String dropin = args.optionalString("dropin");
        String path;
        if (dropin == null) {
            path = UNIT_DIR + "/" + unit;
        } else {
            if (!FILE_NAME.matcher(dropin).matches()) {
                throw args.error("dropin", "must be a plain file name such as 'limits' (got '" + dropin + "')");
            }
            path = UNIT_DIR + "/" + unit + ".d/" + (dropin.endsWith(".conf") ? dropin : dropin + ".conf");
        }
        String text = args.exactlyOne("content", "src").equals("content") ? args.optionalString("content")
                : ctx.renderTemplateFile(args.string("src"));
        FileSpec spec = new FileSpec(path, null, null, 0644, null, args.bool("diff", true));
        FileChange change = ManagedFiles.compare(ctx, new DesiredFile(spec, text.getBytes(StandardCharsets.UTF_8)));
        if (!change.contentChanged()) {
            return change.toPlan();
        }
        List<Action> actions = new ArrayList<>(change.actions());
        actions.add(new Action.Exec("systemctl daemon-reload"));
        return Plan.change(change.summary() + " and reload systemd", actions).withDiff(change.diff());
    }

    /** The unit's full name; a name without a type suffix is a service, as for systemctl. */
    static String unitName(Args args, String argName) throws OperationException {
        String name = args.string(argName);
        if (!UNIT_NAME.matcher(name).matches()) {
            throw args.error(argName, "must be a systemd unit name such as 'patroni.service' (got '" + name + "')");
        }
        return TYPED.matcher(name).matches() ? name : name + ".service";
    }
}
