package io.pgha.operations;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * {@code yaml_file}: writes a mapping as YAML, so configuration (Patroni's) is built from a data
 * model rather than from pasted text.
 */
final class YamlFile implements Operation {
    private static final Set<String> ALLOWED = FileSpec.allowedWith("dest", "data");

    @Override
    public String name() {
        return "yaml_file";
    }

    @Override
    public Plan plan(OperationContext ctx, Map<String, Object> rawArgs) throws OperationException {
        Args args = Args.of(name(), rawArgs, ALLOWED);
        FileSpec spec = FileSpec.from(args, "dest");
        Map<String, Object> data = args.map("data");
        if (data == null) {
            throw args.error("data", "is required (a mapping to write as YAML)");
        }
        byte[] content = YamlWriter.write(data).getBytes(StandardCharsets.UTF_8);
        return ManagedFiles.compare(ctx, new DesiredFile(spec, content)).toPlan();
    }
}
