package io.pgha.verify.checks;

import io.pgha.verify.cluster.Member;
import io.pgha.verify.probe.ProbeException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Patroni's REST API refuses an unsafe call (POST /reload) without credentials on every member. */
public final class RestApiAuthCheck implements Check {
    @Override
    public String name() {
        return "Patroni REST API refuses unsafe calls without credentials";
    }

    @Override
    public CheckResult run(VerifyContext ctx) {
        long start = System.nanoTime();
        List<String> ok = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        for (Member m : ctx.spec().members()) {
            try {
                int status = ctx.probes().patroni().unauthenticatedReloadStatus(m);
                (status == 401 ? ok : bad).add(m.name() + ": HTTP " + status);
            } catch (ProbeException e) {
                bad.add(m.name() + ": " + e.getMessage());
            }
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        return bad.isEmpty() ? CheckResult.pass(name(), "POST /reload without credentials: " + String.join(", ", ok),
                elapsed)
                : CheckResult.fail(name(), "POST /reload without credentials: " + String.join(", ", bad),
                "HTTP 401 from every member",
                "restapi.authentication (username/password) in the Patroni configuration on those members",
                elapsed);
    }
}
