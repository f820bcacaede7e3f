package io.pgha.operations;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AssertTest {
    private final Assert op = new Assert();

    @Test
    void renderedTruthsPass() throws Exception {
        assertThat(op.plan(new ScriptedContext(), Map.of("that", List.of("True", "true", true))).message())
                .isEqualTo("all 3 assertions hold");
        assertThat(op.plan(new ScriptedContext(), Map.of("that", "True")).changes()).isFalse();
    }

    @Test
    void falseFailsWithTheMessage() {
        assertThatThrownBy(() -> op.plan(new ScriptedContext(), Map.of("that", List.of("True", "False"),
                "msg", "etcd needs 3 members")))
                .hasMessage("etcd needs 3 members");
        assertThatThrownBy(() -> op.plan(new ScriptedContext(), Map.of("that", List.of("True", "False"))))
                .hasMessage("assertion failed: condition 2 of 2 is false");
    }

    @Test
    void somethingThatIsNotABooleanIsABadArgument() {
        assertThatThrownBy(() -> op.plan(new ScriptedContext(), Map.of("that", List.of("groups['etcd'] | length"))))
                .hasMessage("assert: argument 'that' item 1 rendered to 'groups['etcd'] | length', which is neither "
                        + "true nor false (write it as \"{{ expression }}\")");
        assertThatThrownBy(() -> op.plan(new ScriptedContext(), Map.of("msg", "x")))
                .hasMessageStartingWith("assert: argument 'that' is required");
    }
}
