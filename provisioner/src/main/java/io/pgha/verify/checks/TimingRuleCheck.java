package io.pgha.verify.checks;

import io.pgha.verify.cluster.Member;
import io.pgha.verify.probe.PatroniConfig;
import io.pgha.verify.probe.ProbeException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The live dynamic configuration keeps Patroni's rule {@code loop_wait + 2*retry_timeout <= ttl}. */
public final class TimingRuleCheck implements Check {
    @Override
    public String name() {
        return "Patroni timing rule in the live config";
    }

    @Override
    public CheckResult run(VerifyContext ctx) {
        long start = System.nanoTime();
        List<String> errors = new ArrayList<>();
        for (Member m : ctx.spec().members()) {
            try {
                PatroniConfig c = ctx.probes().patroni().config(m);
                Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
                return judge(name(), c, elapsed);
            } catch (ProbeException e) {
                errors.add(e.getMessage());
            }
        }
        return CheckResult.fail(name(), "no member answered GET /config: " + String.join("; ", errors),
                "the dynamic configuration from any member", "Patroni's REST API on the members",
                Duration.ofNanos(System.nanoTime() - start));
    }

    static CheckResult judge(String name, PatroniConfig c, Duration elapsed) {
        int sum = c.loopWait() + 2 * c.retryTimeout();
        String observed = "ttl=" + c.ttl() + " loop_wait=" + c.loopWait() + " retry_timeout=" + c.retryTimeout()
                + ": loop_wait + 2*retry_timeout = " + sum + (c.timingRuleHolds() ? " <= " : " > ") + "ttl";
        return c.timingRuleHolds() ? CheckResult.pass(name, observed, elapsed)
                : CheckResult.fail(name, observed, "loop_wait + 2*retry_timeout <= ttl",
                "`patronictl show-config`; set patroni_ttl / patroni_loop_wait / patroni_retry_timeout in the "
                        + "inventory and re-run `pgha provision`", elapsed);
    }
}
