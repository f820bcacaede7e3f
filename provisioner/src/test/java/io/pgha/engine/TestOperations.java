package io.pgha.engine;

import io.pgha.facts.Fact;
import io.pgha.facts.FactException;
import io.pgha.facts.MergeableFact;
import io.pgha.operations.Action;
import io.pgha.operations.Operation;
import io.pgha.operations.OperationContext;
import io.pgha.operations.OperationException;
import io.pgha.operations.Plan;
import io.pgha.transport.ExecResult;
import io.pgha.transport.RemoteFile;
import io.pgha.transport.ShellQuote;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Small modules in the pyinfra shape, enough to drive the engine against a {@link FakeHost}. */
public final class TestOperations {
    private TestOperations() {
    }

    public static Map<String, Operation> all(Operation... extra) {
        return Stream.concat(Stream.of(new PackageOp(), new ContentOp(), new FactContentOp(), new TwoFilesOp(), new TemplateOp(),
                        new RestartOp(), new CommandOp()),
                Stream.of(extra)).collect(Collectors.toMap(Operation::name, Function.identity()));
    }

    /** How a one-off test module plans. */
    interface Planner {
        Plan plan(OperationContext ctx, Map<String, Object> args) throws OperationException;
    }

    /** A one-off module named {@code name} that plans with {@code planner}. */
    static Operation named(String name, Planner planner) {
        return new Operation() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Plan plan(OperationContext ctx, Map<String, Object> args) throws OperationException {
                return planner.plan(ctx, args);
            }
        };
    }

    static String arg(Map<String, Object> args, String name) throws OperationException {
        Object value = args.get(name);
        if (value == null) {
            throw new OperationException("missing argument '" + name + "'");
        }
        return value.toString();
    }

    /** {@code package: {name}}: installs a package when dpkg does not know it. */
    static final class PackageOp implements Operation {
        public String name() {
            return "package";
        }

        public Plan plan(OperationContext ctx, Map<String, Object> args) throws OperationException {
            String pkg = arg(args, "name");
            if (ctx.probe("dpkg-query -W " + pkg).ok()) {
                return Plan.noChange(pkg + " is installed");
            }
            return Plan.change("install " + pkg, List.of(new Action.Exec("apt-get install -y " + pkg)));
        }
    }

    /** {@code content: {dest, content}}: writes a file when its content differs. */
    static class ContentOp implements Operation {
        public String name() {
            return "content";
        }

        public Plan plan(OperationContext ctx, Map<String, Object> args) throws OperationException {
            return write(ctx, arg(args, "dest"), arg(args, "content"));
        }

        static Plan write(OperationContext ctx, String dest, String content) throws OperationException {
            ExecResult current = ctx.probe("cat " + dest);
            if (current.ok() && current.stdout().equals(content)) {
                return Plan.noChange(dest + " is up to date");
            }
            Action upload = new Action.Upload(content.getBytes(StandardCharsets.UTF_8),
                    new RemoteFile(dest, "0644", null, null, ctx.become(), null));
            String before = current.ok() ? current.stdout() : "";
            return Plan.change("write " + dest, List.of(upload)).withDiff("--- " + dest + "\n+++ " + dest + "\n-" + before + "\n+" + content);
        }
    }

    /**
     * A file's content (empty when absent; one line), read by {@code cat}; facts of this kind merge into one
     * {@code cat-each} that {@link FakeHost} answers with each file after a line naming it.
     */
    static final class FileFact implements MergeableFact<String> {
        private static final Merger MERGER = facts -> {
            List<String> paths = facts.stream().map(f -> ((FileFact) f).path).toList();
            return new Fact<>() {
                public String command() {
                    return "cat-each " + String.join(" ", paths);
                }

                public List<Object> parse(ExecResult result) throws FactException {
                    String[] lines = result.stdout().split("\n", -1);
                    List<Object> values = new ArrayList<>();
                    for (int i = 0; i < paths.size(); i++) {
                        if (lines.length < 2 * i + 2 || !lines[2 * i].equals("== " + paths.get(i))) {
                            throw new FactException("unexpected cat-each output: " + result.stdout());
                        }
                        values.add(lines[2 * i + 1]);
                    }
                    return values;
                }
            };
        };

        private final String path;

        FileFact(String path) {
            this.path = path;
        }

        public Merger merger() {
            return MERGER;
        }

        public String command() {
            return "cat " + path;
        }

        public String parse(ExecResult result) {
            return result.ok() ? result.stdout() : "";
        }
    }

    /** {@code fact_content: {dest, content}}: as {@code content}, reading the file through a {@link FileFact}. */
    static final class FactContentOp implements Operation {
        public String name() {
            return "fact_content";
        }

        public Plan plan(OperationContext ctx, Map<String, Object> args) throws OperationException {
            String dest = arg(args, "dest");
            String content = arg(args, "content");
            if (ctx.fact(new FileFact(dest)).equals(content)) {
                return Plan.noChange(dest + " is up to date");
            }
            return Plan.change("write " + dest, List.of(new Action.Upload(content.getBytes(StandardCharsets.UTF_8),
                    new RemoteFile(dest, "0644", null, null, ctx.become(), null))));
        }
    }

    /** {@code two_files: {first, second}}: reads two files it names up front (prefetch), then each. */
    static final class TwoFilesOp implements Operation {
        public String name() {
            return "two_files";
        }

        public Plan plan(OperationContext ctx, Map<String, Object> args) throws OperationException {
            FileFact first = new FileFact(arg(args, "first"));
            FileFact second = new FileFact(arg(args, "second"));
            if (args.containsKey("prefetch")) {
                ctx.prefetch(List.of(first, second));
            }
            return Plan.noChange(ctx.fact(first) + ctx.fact(second));
        }
    }

    /** {@code tmpl: {src, dest}}: renders a role template and writes it. */
    static final class TemplateOp implements Operation {
        public String name() {
            return "tmpl";
        }

        public Plan plan(OperationContext ctx, Map<String, Object> args) throws OperationException {
            return ContentOp.write(ctx, arg(args, "dest"), ctx.renderTemplateFile(arg(args, "src")));
        }
    }

    /** {@code restart: {name}}: always restarts (guarded by if_changed in roles). */
    static final class RestartOp implements Operation {
        public String name() {
            return "restart";
        }

        public Plan plan(OperationContext ctx, Map<String, Object> args) throws OperationException {
            String service = arg(args, "name");
            return Plan.change("restart " + service, List.of(new Action.Exec("systemctl restart " + ShellQuote.quote(service))));
        }
    }

    /** {@code command: {cmd}}: runs a command every time. */
    static final class CommandOp implements Operation {
        public String name() {
            return "command";
        }

        public Plan plan(OperationContext ctx, Map<String, Object> args) throws OperationException {
            String cmd = arg(args, "cmd");
            return Plan.change("run " + cmd, List.of(new Action.Exec(cmd)));
        }
    }
}
