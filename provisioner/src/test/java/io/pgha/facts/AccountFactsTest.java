package io.pgha.facts;

import io.pgha.transport.ExecResult;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AccountFactsTest {

    @Test
    void userWithGroups() throws Exception {
        String out = "@@pgha:passwd\npostgres:x:102:104:PostgreSQL administrator,,,:/var/lib/postgresql:/bin/bash\n"
                + "@@pgha:groups\npostgres ssl-cert\n";

        assertThat(new UserFact("postgres").parse(LocalShell.result(out)))
                .contains(new UserInfo("postgres", 102, 104, "/var/lib/postgresql", "/bin/bash",
                        List.of("postgres", "ssl-cert")));
    }

    @Test
    void missingUser() throws Exception {
        // getent exits 2, id prints nothing; the trailing `true` makes the command succeed
        assertThat(new UserFact("etcd").parse(LocalShell.result("@@pgha:passwd\n@@pgha:groups\n"))).isEmpty();
    }

    @Test
    void rootOnThisHost() throws Exception {
        UserFact fact = new UserFact("root");

        UserInfo root = fact.parse(LocalShell.run(fact.command())).orElseThrow();

        assertThat(root.uid()).isZero();
        assertThat(root.groups()).contains("root");
    }

    @Test
    void groups() throws Exception {
        GroupFact fact = new GroupFact("etcd");

        assertThat(fact.parse(LocalShell.result("etcd:x:998:\n"))).contains(new GroupInfo("etcd", 998));
        assertThat(fact.parse(new ExecResult(2, "", "", Duration.ZERO))).isEmpty();
        GroupFact none = new GroupFact("no-such-group-pgha");
        assertThat(none.parse(LocalShell.run(none.command()))).isEmpty();
    }
}
