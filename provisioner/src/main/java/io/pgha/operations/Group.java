package io.pgha.operations;

import io.pgha.facts.GroupFact;
import io.pgha.facts.GroupInfo;
import io.pgha.transport.ShellQuote;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code group}: a local group exists (optionally as a system group) or does not. */
final class Group implements Operation {
    private static final Set<String> ALLOWED = Set.of("name", "state", "system");

    @Override
    public String name() {
        return "group";
    }

    @Override
    public Plan plan(OperationContext ctx, Map<String, Object> rawArgs) throws OperationException {
        Args args = Args.of(name(), rawArgs, ALLOWED);
        String name = User.accountName(args);
        boolean present = args.oneOf("state", "present", "present", "absent").equals("present");
        boolean system = args.bool("system", false);
        Optional<GroupInfo> found = ctx.fact(new GroupFact(name));
        if (present == found.isPresent()) {
            return Plan.noChange("group " + name + (present ? " already exists" : " is already absent"));
        }
        String command = present ? "groupadd " + (system ? "--system " : "") + ShellQuote.quote(name)
                : "groupdel " + ShellQuote.quote(name);
        return Plan.change((present ? "create" : "remove") + " group " + name, List.of(new Action.Exec(command)));
    }
}
