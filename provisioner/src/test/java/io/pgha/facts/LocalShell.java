package io.pgha.facts;

import io.pgha.transport.ExecResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Runs a fact's command with the local /bin/sh, so tests check the real shell text, not only the parser. */
public final class LocalShell {
    private LocalShell() {
    }

    public static ExecResult run(String command) {
        try {
            Process p = new ProcessBuilder("sh", "-c", command).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("command did not finish: " + command);
            }
            return new ExecResult(p.exitValue(), new String(out, StandardCharsets.UTF_8),
                    new String(err, StandardCharsets.UTF_8), Duration.ZERO);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public static boolean has(String program) {
        return run("command -v " + program).ok();
    }

    public static ExecResult result(String stdout) {
        return new ExecResult(0, stdout, "", Duration.ZERO);
    }
}
