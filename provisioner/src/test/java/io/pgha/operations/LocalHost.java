package io.pgha.operations;

import io.pgha.facts.Fact;
import io.pgha.facts.FactException;
import io.pgha.facts.LocalShell;
import io.pgha.templating.Templates;
import io.pgha.transport.ExecResult;
import io.pgha.transport.RemoteFile;
import io.pgha.transport.ShellQuote;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * This machine as a host: facts and probes run with the local shell and plans are applied
 * locally (uploads land as the transport lands them: temporary file, owner, mode, validate,
 * rename). Tests use it to check that a module converges: apply once, then plan "no change".
 */
final class LocalHost implements OperationContext {
    private static final Templates TEMPLATES = new Templates();

    private final Path filesDir;

    LocalHost(Path filesDir) {
        this.filesDir = filesDir;
    }

    @Override
    public String hostName() {
        return "localhost";
    }

    @Override
    public <T> T fact(Fact<T> fact) throws OperationException {
        try {
            return fact.parse(LocalShell.run(fact.command()));
        } catch (FactException e) {
            throw new OperationException(e.getMessage(), e);
        }
    }

    @Override
    public ExecResult probe(String command) {
        return LocalShell.run(command);
    }

    /** Applies a plan's actions in order; a failing command fails the test. */
    void apply(Plan plan) throws IOException {
        for (Action action : plan.actions()) {
            if (action instanceof Action.Exec exec) {
                ExecResult r = LocalShell.run(exec.command());
                if (!r.ok()) {
                    throw new AssertionError("action failed: " + exec.command() + ": " + r.errorText());
                }
            } else if (action instanceof Action.Upload upload) {
                write(upload.content(), upload.target());
            }
        }
    }

    private static void write(byte[] content, RemoteFile target) throws IOException {
        Path path = Path.of(target.path());
        Path tmp = Files.createTempFile(path.getParent(), ".pgha", ".tmp");
        Files.write(tmp, content);
        String t = ShellQuote.quote(tmp.toString());
        StringBuilder cmd = new StringBuilder("chmod " + target.mode() + " " + t);
        if (target.owner() != null || target.group() != null) {
            cmd.append(" && chown ").append(target.owner() == null ? "" : target.owner())
                    .append(target.group() == null ? "" : ":" + target.group()).append(' ').append(t);
        }
        if (target.validate() != null) {
            cmd.append(" && ").append(target.validate().replace("%s", t));
        }
        ExecResult r = LocalShell.run(cmd.toString());
        if (!r.ok()) {
            Files.delete(tmp);
            throw new AssertionError("upload failed: " + r.errorText());
        }
        Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public boolean become() {
        return false;
    }

    @Override
    public boolean checkMode() {
        return false;
    }

    @Override
    public Map<String, Object> vars() {
        return Map.of();
    }

    @Override
    public boolean test(String condition, Map<String, Object> moreVars) throws OperationException {
        return Conditions.test(TEMPLATES, vars(), condition, moreVars);
    }

    @Override
    public String renderTemplateFile(String relativePath) throws OperationException {
        throw new OperationException("no templates on the local host");
    }

    @Override
    public Path roleFile(String relativePath) {
        return filesDir.resolve(relativePath);
    }
}
