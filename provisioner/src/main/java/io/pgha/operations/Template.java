package io.pgha.operations;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/** {@code template}: a template of the role's templates/ rendered for the host, written like {@code copy}. */
final class Template implements Operation {
    private static final Set<String> ALLOWED = FileSpec.allowedWith("dest", "src");

    @Override
    public String name() {
        return "template";
    }

    @Override
    public Plan plan(OperationContext ctx, Map<String, Object> rawArgs) throws OperationException {
        Args args = Args.of(name(), rawArgs, ALLOWED);
        FileSpec spec = FileSpec.from(args, "dest");
        String rendered = ctx.renderTemplateFile(args.string("src"));
        return ManagedFiles.compare(ctx, new DesiredFile(spec, rendered.getBytes(StandardCharsets.UTF_8))).toPlan();
    }
}
