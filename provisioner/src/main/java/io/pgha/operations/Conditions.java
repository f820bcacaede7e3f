package io.pgha.operations;

import io.pgha.templating.TemplateException;
import io.pgha.templating.Templates;

import java.util.HashMap;
import java.util.Map;

/** What {@link OperationContext#test} does in every context: the condition over the host's variables and more. */
public final class Conditions {
    private Conditions() {
    }

    public static boolean test(Templates templates, Map<String, Object> vars, String condition, Map<String, Object> moreVars)
            throws OperationException {
        Map<String, Object> scope = new HashMap<>(vars);
        scope.putAll(moreVars);
        try {
            return templates.test(condition, scope, "the task");
        } catch (TemplateException e) {
            throw new OperationException(e.getMessage(), e);
        }
    }
}
