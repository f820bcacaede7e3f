package io.pgha.operations;

import io.pgha.facts.AptFact;
import io.pgha.facts.AptListsAgeFact;
import io.pgha.facts.FileQuery;
import io.pgha.facts.FilesFact;
import io.pgha.facts.OsFact;
import io.pgha.facts.PathStatFact;
import io.pgha.facts.ServiceFact;
import io.pgha.facts.SysctlFact;
import io.pgha.facts.UserFact;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The guard every module test relies on: planning that sends a mutating command fails the test. */
class ScriptedContextTest {

    @Test
    void mutatingCommandsAreCaught() {
        ScriptedContext ctx = new ScriptedContext();
        for (String cmd : List.of("systemctl restart patroni", "rm -rf /var/lib/x", "apt-get install x",
                "mkdir -p /etc/x", "echo x > /etc/hosts", "useradd etcd", "sysctl -w vm.swappiness=1",
                "chmod 0600 /x", "systemctl daemon-reload")) {
            assertThatThrownBy(() -> ctx.probe(cmd)).as(cmd).isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith("planning sent a mutating command");
        }
    }

    @Test
    void everyFactCommandPassesTheGuard() {
        ScriptedContext ctx = new ScriptedContext();
        for (String cmd : List.of(new FilesFact(FileQuery.fetch("/etc/hosts")).command(),
                new PathStatFact("/var/lib/pgha").command(), new AptFact(List.of("patroni")).command(),
                new AptListsAgeFact().command(),
                new ServiceFact("patroni.service").command(), new UserFact("postgres").command(),
                new SysctlFact("vm.swappiness").command(), new OsFact().command())) {
            assertThatThrownBy(() -> ctx.probe(cmd)).as(cmd).hasMessageStartingWith("no recorded answer");
        }
        assertThat(ctx.asked()).hasSize(8);
    }
}
