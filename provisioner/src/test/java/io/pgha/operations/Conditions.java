package io.pgha.operations;

import io.pgha.templating.TemplateException;
import io.pgha.templating.Templates;

import java.util.HashMap;
import java.util.Map;

/** {@link OperationContext#test} for the test contexts, with the real templating (as the engine's context does). */
final class Conditions {
    private static final Templates TEMPLATES = new Templates();

    private Conditions() {
    }

    static boolean test(Map<String, Object> vars, String condition, Map<String, Object> moreVars) throws OperationException {
        Map<String, Object> scope = new HashMap<>(vars);
        scope.putAll(moreVars);
        try {
            return TEMPLATES.test(condition, scope, "the task");
        } catch (TemplateException e) {
            throw new OperationException(e.getMessage(), e);
        }
    }
}
