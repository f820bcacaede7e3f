package io.pgha.operations;

import io.pgha.facts.GroupFact;
import io.pgha.facts.UserFact;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountsTest {
    private static final String ETCD = "@@pgha:passwd\netcd:x:998:998::/var/lib/etcd:/usr/sbin/nologin\n@@pgha:groups\netcd\n";
    private final User user = new User();
    private final Group group = new Group();

    @Test
    void existingUserIsNoChange() throws Exception {
        ScriptedContext ctx = new ScriptedContext().onFact(new UserFact("etcd"), ETCD);

        assertThat(user.plan(ctx, Map.of("name", "etcd", "system", true, "home", "/var/lib/etcd",
                "shell", "/usr/sbin/nologin", "groups", List.of("etcd"))).changes()).isFalse();
    }

    @Test
    void missingUserIsCreated() throws Exception {
        ScriptedContext ctx = new ScriptedContext().onFact(new UserFact("etcd"), "@@pgha:passwd\n@@pgha:groups\n");

        Plan plan = user.plan(ctx, Map.of("name", "etcd", "system", true, "home", "/var/lib/etcd",
                "shell", "/usr/sbin/nologin"));

        assertThat(plan.actions()).singleElement().extracting(Action::describe).isEqualTo(
                "useradd --system --home-dir /var/lib/etcd --no-create-home --shell /usr/sbin/nologin etcd");
    }

    @Test
    void differentShellAndMissingGroupsAreAddedNotReplaced() throws Exception {
        ScriptedContext ctx = new ScriptedContext().onFact(new UserFact("etcd"), ETCD);

        Plan plan = user.plan(ctx, Map.of("name", "etcd", "shell", "/bin/bash", "groups", "etcd, ssl-cert"));

        assertThat(plan.actions()).singleElement().extracting(Action::describe)
                .isEqualTo("usermod --shell /bin/bash --append --groups ssl-cert etcd");
        assertThat(plan.message()).isEqualTo("user etcd: shell /usr/sbin/nologin -> /bin/bash, add to ssl-cert");
    }

    @Test
    void groups() throws Exception {
        assertThat(group.plan(new ScriptedContext().onFact(new GroupFact("pgha"), 2, ""),
                Map.of("name", "pgha", "system", true)).actions())
                .singleElement().extracting(Action::describe).isEqualTo("groupadd --system pgha");
        assertThat(group.plan(new ScriptedContext().onFact(new GroupFact("pgha"), "pgha:x:997:\n"),
                Map.of("name", "pgha")).changes()).isFalse();
        assertThat(group.plan(new ScriptedContext().onFact(new GroupFact("pgha"), "pgha:x:997:\n"),
                Map.of("name", "pgha", "state", "absent")).actions())
                .singleElement().extracting(Action::describe).isEqualTo("groupdel pgha");
    }

    @Test
    void badArguments() {
        ScriptedContext ctx = new ScriptedContext();
        assertThatThrownBy(() -> user.plan(ctx, Map.of("name", "Bad User")))
                .hasMessageStartingWith("user: argument 'name' must be a valid account name");
        assertThatThrownBy(() -> user.plan(ctx, Map.of("name", "etcd", "home", "var/lib/etcd")))
                .hasMessage("user: argument 'home' must be an absolute path (got 'var/lib/etcd')");
        assertThatThrownBy(() -> group.plan(ctx, Map.of("name", "g", "gid", 5)))
                .hasMessage("group: unknown argument 'gid' (allowed: name, state, system)");
    }
}
