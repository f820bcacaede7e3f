package io.pgha.operations;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OperationsTest {

    @Test
    void everyDocumentedModuleIsRegisteredUnderItsKey() {
        Operations ops = Operations.builtIn();

        assertThat(ops.names()).containsExactly("apt", "apt_repository", "assert", "blockinfile", "command", "copy",
                "file", "group", "service", "shell", "sysctl", "systemd_unit", "template", "user", "wait_for",
                "yaml_file");
        for (String name : ops.names()) {
            assertThat(ops.get(name).name()).isEqualTo(name);
        }
        assertThat(ops.get("lineinfile")).isNull();
    }
}
