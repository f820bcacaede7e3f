package io.pgha.verify.drill;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DrillKindTest {
    @Test
    void parsesCommandLineNamesAndAll() {
        assertThat(DrillKind.parse("kill-leader")).containsExactly(DrillKind.KILL_LEADER);
        assertThat(DrillKind.parse("all")).containsExactly(DrillKind.SWITCHOVER, DrillKind.STOP_LEADER,
                DrillKind.KILL_LEADER, DrillKind.CRASH_LEADER, DrillKind.PARTITION_LEADER);
    }

    @Test
    void anUnknownKindListsTheValidOnes() {
        assertThatThrownBy(() -> DrillKind.parse("kill"))
                .hasMessage("unknown drill 'kill'; expected one of: switchover, stop-leader, kill-leader, "
                        + "crash-leader, partition-leader, all");
    }
}
