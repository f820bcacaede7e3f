package io.pgha.operations;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code assert}: every item of {@code that} must have rendered to true (write each as
 * {@code "{{ expression }}"}); otherwise the task fails with {@code msg}.
 */
final class Assert implements Operation {
    private static final Set<String> ALLOWED = Set.of("that", "msg");

    @Override
    public String name() {
        return "assert";
    }

    @Override
    public Plan plan(OperationContext ctx, Map<String, Object> rawArgs) throws OperationException {
        Args args = Args.of(name(), rawArgs, ALLOWED);
        List<String> conditions = args.stringList("that", false);
        if (conditions.isEmpty()) {
            throw args.error("that", "is required (a list of conditions such as \"{{ groups['etcd'] | length >= 3 }}\")");
        }
        for (int i = 0; i < conditions.size(); i++) {
            Boolean holds = Truth.parse(conditions.get(i));
            if (holds == null) {
                throw args.error("that", "item " + (i + 1) + " rendered to '" + conditions.get(i)
                        + "', which is neither true nor false (write it as \"{{ expression }}\")");
            }
            if (!holds) {
                String msg = args.optionalString("msg");
                throw new OperationException(msg != null ? msg
                        : "assertion failed: condition " + (i + 1) + " of " + conditions.size() + " is false");
            }
        }
        return Plan.noChange(conditions.size() == 1 ? "assertion holds" : "all " + conditions.size() + " assertions hold");
    }
}
