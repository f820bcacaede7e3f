package io.pgha.operations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/** {@code copy}: a file from the role's files/ ({@code src}) or inline {@code content}, written atomically. */
final class Copy implements Operation {
    private static final Set<String> ALLOWED = FileSpec.allowedWith("dest", "src", "content");

    @Override
    public String name() {
        return "copy";
    }

    @Override
    public Plan plan(OperationContext ctx, Map<String, Object> rawArgs) throws OperationException {
        Args args = Args.of(name(), rawArgs, ALLOWED);
        FileSpec spec = FileSpec.from(args, "dest");
        byte[] content;
        if (args.exactlyOne("content", "src").equals("content")) {
            content = args.optionalString("content").getBytes(StandardCharsets.UTF_8);
        } else {
            Path file = ctx.roleFile(args.string("src"));
            try {
                content = Files.readAllBytes(file);
            } catch (IOException e) {
                throw args.error("src", "names a file that cannot be read: " + file + " (" + e.getMessage() + ")");
            }
        }
        return ManagedFiles.compare(ctx, new DesiredFile(spec, content)).toPlan();
    }
}
