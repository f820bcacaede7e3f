package io.pgha.engine;

import io.pgha.roles.Assertion;
import io.pgha.roles.Role;
import io.pgha.templating.TemplateException;
import io.pgha.templating.Templates;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Evaluates every role's {@code meta.yml} asserts on every targeted host's variables before anything is
 * changed, so a bad setting (say {@code loop_wait + 2*retry_timeout > ttl}) stops the run
 * while nothing has changed. All problems are reported at once.
 */
final class Preflight {
    private final Templates templates;
    private final List<String> problems = new ArrayList<>();

    Preflight(Templates templates) {
        this.templates = templates;
    }

    void check(Role role, ScopeFactory.RoleVars vars, List<String> hosts) {
        for (Assertion assertion : role.asserts()) {
            for (String host : hosts) {
                Map<String, Object> scope = vars.scope(host, Map.of());
                String where = "assert '" + assertion.that() + "' of role " + role.name() + " (" + assertion.source() + ")";
                try {
                    if (!templates.test(assertion.that(), scope, where)) {
                        problems.add("[" + host + "] " + role.name() + ": " + message(assertion, scope, where)
                                + " (" + assertion.source() + ")");
                    }
                } catch (TemplateException e) {
                    problems.add("[" + host + "] " + role.name() + ": " + vars.explain(host, e).getMessage());
                }
            }
        }
    }

    private String message(Assertion assertion, Map<String, Object> scope, String where) {
        if (assertion.msg() == null || assertion.msg().isBlank()) {
            return "assertion failed: " + assertion.that();
        }
        try {
            return templates.render(assertion.msg(), scope, where);
        } catch (TemplateException e) {
            return "assertion failed: " + assertion.that() + " (and its msg cannot be rendered: " + e.getMessage() + ")";
        }
    }

    void throwIfFailed() throws BadInputException {
        if (!problems.isEmpty()) {
            List<String> lines = new ArrayList<>();
            lines.add("preflight failed, nothing was changed:");
            problems.forEach(p -> lines.add("  " + p));
            throw new BadInputException(lines);
        }
    }
}
