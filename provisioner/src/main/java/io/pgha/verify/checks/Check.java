package io.pgha.verify.checks;

/** One verification step: reads the cluster (never changes it, but for the scratch table) and judges it. */
public interface Check {
    String name();

    CheckResult run(VerifyContext context);
}
