package io.pgha.verify.checks;

import io.pgha.verify.report.TextTable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** All check results of one verify run. */
public record VerifyReport(List<CheckResult> results) {

    public boolean passed() {
        return results.stream().allMatch(CheckResult::passed);
    }

    public List<CheckResult> failures() {
        return results.stream().filter(r -> !r.passed()).toList();
    }

    public String text() {
        TextTable t = new TextTable("Check", "Result", "Time", "Observed");
        for (CheckResult r : results) {
            t.row(r.name(), r.passed() ? "pass" : "FAIL", String.format("%.1f s", r.elapsed().toMillis() / 1000.0),
                    abbreviate(r.observed(), 110));
        }
        StringBuilder sb = new StringBuilder(t.render());
        for (CheckResult r : failures()) {
            sb.append(r.message()).append('\n');
        }
        long failed = failures().size();
        sb.append(failed == 0 ? "verify: all " + results.size() + " checks passed\n"
                : "verify: " + failed + " of " + results.size() + " checks FAILED\n");
        return sb.toString();
    }

    public Map<String, Object> json() {
        List<Object> checks = new ArrayList<>();
        for (CheckResult r : results) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("name", r.name());
            j.put("passed", r.passed());
            j.put("observed", r.observed());
            j.put("expected", r.expected());
            j.put("look_at", r.lookAt());
            j.put("seconds", r.elapsed().toMillis() / 1000.0);
            checks.add(j);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("passed", passed());
        out.put("checks", checks);
        return out;
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
