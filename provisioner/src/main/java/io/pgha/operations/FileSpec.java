package io.pgha.operations;

import java.util.HashSet;
import java.util.Set;

/**
 * Where a managed file goes and who owns it; null owner/group/mode keep what the file has (or
 * root and 0644 for a new file).
 *
 * @param validate command run on the temporary file before it replaces the target ({@code %s})
 * @param diff     false hides the content in --diff whatever it looks like
 */
record FileSpec(String path, String owner, String group, Integer mode, String validate, boolean diff) {

    /** Argument names that {@link #from} reads, for modules to list as allowed. */
    static final Set<String> ARGS = Set.of("owner", "group", "mode", "validate", "diff");

    /** {@link #ARGS} plus a module's own arguments. */
    static Set<String> allowedWith(String... more) {
        Set<String> all = new HashSet<>(ARGS);
        all.addAll(Set.of(more));
        return Set.copyOf(all);
    }

    static FileSpec from(Args args, String pathArg) throws OperationException {
        String validate = args.optionalString("validate");
        if (validate != null && !validate.contains("%s")) {
            throw args.error("validate", "must contain %s where the temporary file's path goes (got '"
                    + validate + "')");
        }
        return new FileSpec(args.path(pathArg), args.optionalString("owner"), args.optionalString("group"),
                args.mode("mode"), validate, args.bool("diff", true));
    }

    static FileSpec plain(String path, Integer mode) {
        return new FileSpec(path, null, null, mode, null, true);
    }
}
