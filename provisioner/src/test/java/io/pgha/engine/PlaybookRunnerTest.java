package io.pgha.engine;

import io.pgha.facts.Fact;
import io.pgha.inventory.Inventory;
import io.pgha.operations.Operation;
import io.pgha.operations.OperationContext;
import io.pgha.operations.Plan;
import io.pgha.roles.Assertion;
import io.pgha.roles.Playbook;
import io.pgha.roles.Role;
import io.pgha.templating.Templates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.pgha.engine.Fixtures.inventory;
import static io.pgha.engine.Fixtures.playbook;
import static io.pgha.engine.Fixtures.role;
import static io.pgha.engine.Fixtures.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class PlaybookRunnerTest {
    @TempDir
    Path roleDir;

    private final FakeFleet fleet = new FakeFleet("pg1", "pg2", "pg3");
    private final Inventory inventory = inventory(Map.of("pg_version", "16"), "pg1", "pg2", "pg3");

    private Role baseRole() throws Exception {
        Files.createDirectories(roleDir.resolve("templates"));
        Files.writeString(roleDir.resolve("templates/app.conf.j2"), "host={{ inventory_hostname }} version={{ pg_version }}\n");
        return role("base", roleDir,
                task("Install postgres", "package", Map.of("name", "postgresql-{{ pg_version }}")),
                task("Write config", "tmpl", Map.of("src", "app.conf.j2", "dest", "/etc/app.conf")),
                task("Restart app", "restart", Map.of("name", "app")).ifChanged("Write config"));
    }

    private RunSummary run(Playbook playbook, RunOptions options, RecordingListener listener, Operation... extra) throws Exception {
        return run(inventory, playbook, options, listener, SecretsSource.none(), extra);
    }

    private RunSummary run(Inventory inv, Playbook playbook, RunOptions options, RunListener listener,
                           SecretsSource secrets, Operation... extra) throws Exception {
        return new PlaybookRunner(fleet, TestOperations.all(extra), new Templates(), listener, new Redactor())
                .run(inv, playbook, options, secrets);
    }

    @Test
    void firstRunConvergesAndASecondRunIssuesNoMutatingCommand() throws Exception {
        Playbook playbook = playbook("all", baseRole());
        RecordingListener first = new RecordingListener();
        assertThat(run(playbook, RunOptions.defaults(), first).exitCode()).isZero();

        FakeHost pg2 = fleet.host("pg2");
        assertThat(pg2.packages).containsExactly("postgresql-16");
        assertThat(pg2.files).containsEntry("/etc/app.conf", "host=pg2 version=16\n");
        assertThat(pg2.restarts).containsExactly("app");
        assertThat(first.summary.hosts().get("pg1")).isEqualTo(new HostStats(4, 3, 0, 0, 0)); // facts + 3 tasks

        fleet.forgetCommands();
        RecordingListener second = new RecordingListener();
        RunSummary summary = run(playbook, RunOptions.defaults(), second);

        fleet.hosts.values().forEach(host -> assertThat(host.mutations()).as(host.hostName()).isEmpty());
        assertThat(second.statuses("pg3")).containsExactly("Install postgres=ok", "Write config=ok", "Restart app=skipped");
        assertThat(summary.hosts().get("pg3")).isEqualTo(new HostStats(3, 0, 0, 0, 1));
        assertThat(summary.exitCode()).isZero();
    }

    @Test
    void checkModeReportsChangesButIssuesNoMutatingCommand() throws Exception {
        RecordingListener listener = new RecordingListener();
        RunSummary summary = run(playbook("all", baseRole()), new RunOptions(true, true, List.of(), Set.of()), listener);

        fleet.hosts.values().forEach(host -> assertThat(host.mutations()).as(host.hostName()).isEmpty());
        assertThat(fleet.host("pg1").commands).isNotEmpty(); // facts were read
        assertThat(listener.statuses("pg1")).containsExactly("Install postgres=changed", "Write config=changed", "Restart app=changed");
        assertThat(listener.result("Write config", "pg1").diff()).contains("+host=pg1 version=16");
        assertThat(summary.exitCode()).isZero();
    }

    @Test
    void inCheckModeLaterTasksLearnWhichFilesAnEarlierTaskWouldHaveWritten() throws Exception {
        Files.createDirectories(roleDir.resolve("templates"));
        Files.writeString(roleDir.resolve("templates/app.conf.j2"), "host={{ inventory_hostname }}\n");
        Role role = role("base", roleDir,
                task("Write config", "tmpl", Map.of("src", "app.conf.j2", "dest", "/etc/app.conf")),
                task("Ask", "ask", Map.of()));
        Operation ask = TestOperations.named("ask", (ctx, args) -> Plan.noChange(
                "written: " + ctx.wouldHaveWritten("/etc/app.conf") + ", other: " + ctx.wouldHaveWritten("/etc/other")));

        RecordingListener check = new RecordingListener();
        run(playbook("all", role), new RunOptions(true, false, List.of(), Set.of()), check, ask);
        RecordingListener real = new RecordingListener();
        run(playbook("all", role), RunOptions.defaults(), real, ask);

        assertThat(check.result("Ask", "pg1").message()).isEqualTo("written: true, other: false");
        assertThat(real.result("Ask", "pg1").message()).isEqualTo("written: false, other: false");
    }

    @Test
    void aFailedTaskStopsOnlyItsHost() throws Exception {
        Role role = role("base", roleDir,
                task("Maybe fail", "command", Map.of("cmd", "{{ 'false' if inventory_hostname == 'pg2' else 'echo fine' }}")),
                task("Install postgres", "package", Map.of("name", "postgresql")));
        RecordingListener listener = new RecordingListener();
        RunSummary summary = run(playbook("all", role), RunOptions.defaults(), listener);

        assertThat(listener.result("Maybe fail", "pg2").status()).isEqualTo(TaskStatus.FAILED);
        assertThat(listener.result("Maybe fail", "pg2").message()).contains("rc=1").contains("boom");
        assertThat(listener.statuses("pg2")).containsExactly("Maybe fail=failed");
        assertThat(fleet.host("pg2").packages).isEmpty();
        assertThat(fleet.host("pg1").packages).containsExactly("postgresql");
        assertThat(fleet.host("pg3").packages).containsExactly("postgresql");
        assertThat(summary.hosts().get("pg2").failed()).isEqualTo(1);
        assertThat(summary.exitCode()).isEqualTo(RunSummary.EXIT_FAILED);
    }

    @Test
    void anUnreachableHostIsReportedOnceAndSkipped() throws Exception {
        fleet.unreachable.add("pg3");
        RecordingListener listener = new RecordingListener();
        RunSummary summary = run(playbook("all", baseRole()), RunOptions.defaults(), listener);

        assertThat(listener.result("Gathering Facts", "pg3").status()).isEqualTo(TaskStatus.UNREACHABLE);
        assertThat(listener.result("Gathering Facts", "pg3").message()).contains("connection refused");
        assertThat(listener.statuses("pg3")).isEmpty();
        assertThat(fleet.opens.get("pg3").get()).isEqualTo(1);
        assertThat(listener.statuses("pg1")).hasSize(3);
        assertThat(summary.hosts().get("pg3")).isEqualTo(new HostStats(0, 0, 1, 0, 0));
        assertThat(listener.tasks).extracting(TaskRef::name).startsWith("Gathering Facts", "Install postgres");
        assertThat(summary.exitCode()).isEqualTo(RunSummary.EXIT_UNREACHABLE);
    }

    @Test
    void aConnectionLostMidRunMakesTheHostUnreachable() throws Exception {
        fleet.host("pg2").dropConnection = true;
        RecordingListener listener = new RecordingListener();
        run(playbook("all", baseRole()), RunOptions.defaults(), listener);
        assertThat(listener.statuses("pg2")).containsExactly("Install postgres=unreachable");
    }

    @Test
    void hostFactsAreReadOnceOnConnectionAndRankBelowInventoryVars() throws Exception {
        List<String> gathered = new java.util.concurrent.CopyOnWriteArrayList<>();
        HostFacts facts = (transport, become) -> {
            gathered.add(transport.hostName());
            return Map.of("ansible_distribution_release", "bookworm", "pg_version", "from-facts");
        };
        Role role = role("db", roleDir, Map.of("suite", "{{ ansible_distribution_release }}-pgdg"), List.of(), List.of(),
                task("Suite", "content", Map.of("dest", "/etc/suite", "content", "{{ suite }} {{ pg_version }}")));
        Playbook twoPlays = new Playbook(Path.of("site.yml"), List.of(
                new io.pgha.roles.PlaySpec("one", "pg1", List.of(role)), new io.pgha.roles.PlaySpec("two", "all", List.of(role))));
        RecordingListener listener = new RecordingListener();
        new PlaybookRunner(fleet, TestOperations.all(), new Templates(), listener, new Redactor(), facts)
                .run(inventory, twoPlays, RunOptions.defaults(), SecretsSource.none());
        assertThat(gathered).containsExactlyInAnyOrder("pg1", "pg2", "pg3");
        assertThat(fleet.host("pg2").files).containsEntry("/etc/suite", "bookworm-pgdg 16");
    }

    @Test
    void hostFactsThatCannotBeReadFailTheHost() throws Exception {
        HostFacts broken = (transport, become) -> {
            throw new io.pgha.transport.TransportException("uname: not found");
        };
        RecordingListener listener = new RecordingListener();
        RunSummary summary = new PlaybookRunner(fleet, TestOperations.all(), new Templates(), listener, new Redactor(), broken)
                .run(inventory, playbook("pg1", baseRole()), RunOptions.defaults(), SecretsSource.none());
        assertThat(listener.result("Gathering Facts", "pg1").message()).isEqualTo("cannot read the host's facts: uname: not found");
        assertThat(listener.statuses("pg1")).isEmpty();
        assertThat(summary.exitCode()).isEqualTo(RunSummary.EXIT_FAILED);
    }

    @Test
    void oneConnectionPerHostForTheWholeRunClosedAtTheEnd() throws Exception {
        run(playbook("all", baseRole(), role("second", roleDir, task("Other", "package", Map.of("name", "x")))),
                RunOptions.defaults(), new RecordingListener());
        fleet.opens.values().forEach(count -> assertThat(count.get()).isEqualTo(1));
        fleet.hosts.values().forEach(host -> assertThat(host.closed).isTrue());
    }

    @Test
    void hostsRunATaskInParallel() throws Exception {
        CountDownLatch allThere = new CountDownLatch(3);
        Operation rendezvous = new Operation() {
            public String name() {
                return "rendezvous";
            }

            public Plan plan(OperationContext ctx, Map<String, Object> args) {
                allThere.countDown();
                try {
                    return allThere.await(5, TimeUnit.SECONDS) ? Plan.noChange("met") : Plan.change("alone", List.of());
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        RecordingListener listener = new RecordingListener();
        run(playbook("all", role("base", roleDir, task("Meet", "rendezvous", Map.of()))), RunOptions.defaults(), listener, rendezvous);
        for (String host : List.of("pg1", "pg2", "pg3")) {
            assertThat(listener.result("Meet", host).message()).isEqualTo("met");
        }
    }

    @Test
    void whenSkipsPerHost() throws Exception {
        Role role = role("base", roleDir,
                task("Only on etcd", "package", Map.of("name", "etcd")).when("inventory_hostname in groups['etcd']"));
        RecordingListener listener = new RecordingListener();
        run(playbook("all", role), RunOptions.defaults(), listener);
        assertThat(fleet.host("pg1").packages).containsExactly("etcd");
        assertThat(fleet.host("pg2").packages).isEmpty();
        assertThat(listener.result("Only on etcd", "pg2").status()).isEqualTo(TaskStatus.SKIPPED);
        assertThat(listener.result("Only on etcd", "pg2").message()).contains("inventory_hostname in groups['etcd']");
    }

    @Test
    void loopRunsOncePerItemWithItemInScopeAndItemConditions() throws Exception {
        Role role = role("base", roleDir,
                task("Install", "package", Map.of("name", "{{ item }}")).loop("{{ ['a', 'b', 'c'] }}").when("item != 'b'"),
                task("Peers", "content", Map.of("dest", "/etc/peers/{{ item }}", "content", "{{ item }}"))
                        .loop("{{ groups['postgres'] }}"));
        RecordingListener listener = new RecordingListener();
        run(inventory, playbook("pg1", role), RunOptions.defaults(), listener, SecretsSource.none());
        assertThat(fleet.host("pg1").packages).containsExactlyInAnyOrder("a", "c");
        assertThat(fleet.host("pg1").files).containsOnlyKeys("/etc/peers/pg1", "/etc/peers/pg2", "/etc/peers/pg3");
        assertThat(listener.result("Install", "pg1").message()).isEqualTo("install a; install c");
        assertThat(listener.result("Peers", "pg1").message()).contains("write /etc/peers/pg2");
    }

    @Test
    void loopItemsThatAreMapsAreNamedByTheirName() throws Exception {
        Role role = role("base", roleDir, task("Restart", "restart", Map.of("name", "{{ item.unit }}"))
                .loop(List.of(Map.of("name", "first", "unit", "a"), Map.of("name", "second", "unit", "b"))));
        RecordingListener listener = new RecordingListener();
        run(playbook("pg1", role), RunOptions.defaults(), listener);
        assertThat(listener.result("Restart", "pg1").message()).isEqualTo("[first] restart a; [second] restart b");
    }

    @Test
    void aLoopThatIsNotAListFailsTheTask() throws Exception {
        Role role = role("base", roleDir, task("Install", "package", Map.of("name", "x")).loop("{{ pg_version }}"));
        RecordingListener listener = new RecordingListener();
        run(playbook("pg1", role), RunOptions.defaults(), listener);
        assertThat(listener.result("Install", "pg1").message()).contains("loop must be a list").contains("'16'");
    }

    @Test
    void tagsSelectTasksAndTheRoleNameIsAlwaysATag() throws Exception {
        Role role = role("base", roleDir,
                task("Tagged", "package", Map.of("name", "tagged")).tags("config"),
                task("Untagged", "package", Map.of("name", "untagged")));
        RecordingListener listener = new RecordingListener();
        run(playbook("pg1", role), new RunOptions(false, false, List.of(), Set.of("config")), listener);
        assertThat(fleet.host("pg1").packages).containsExactly("tagged");
        assertThat(listener.tasks).extracting(TaskRef::name).containsExactly("Gathering Facts", "Tagged");

        run(playbook("pg1", role), new RunOptions(false, false, List.of(), Set.of("base")), new RecordingListener());
        assertThat(fleet.host("pg1").packages).containsExactlyInAnyOrder("tagged", "untagged");
    }

    @Test
    void ifChangedSeesOnlyChangesOnTheSameHostAndAcceptsRoleQualifiedNames() throws Exception {
        fleet.host("pg2").packages.add("postgresql");
        Role first = role("db", roleDir, task("Install", "package", Map.of("name", "postgresql")));
        Role second = role("svc", roleDir, task("Restart", "restart", Map.of("name", "postgresql")).ifChanged("db/Install"));
        RecordingListener listener = new RecordingListener();
        run(playbook("all", first, second), RunOptions.defaults(), listener);
        assertThat(fleet.host("pg1").restarts).containsExactly("postgresql");
        assertThat(fleet.host("pg2").restarts).isEmpty();
        assertThat(listener.result("Restart", "pg2").message()).isEqualTo("no change in db/Install");
    }

    @Test
    void registerStoresTheResultForLaterTasks() throws Exception {
        Role role = role("base", roleDir,
                task("Say", "command", Map.of("cmd", "echo hello-{{ inventory_hostname }}")).register("said"),
                task("Use", "content", Map.of("dest", "/tmp/said", "content", "{{ said.stdout | trim }} rc={{ said.rc }}"))
                        .when("said.changed"),
                task("Skipped", "package", Map.of("name", "x")).when("false").register("nothing"),
                task("After skip", "package", Map.of("name", "y")).when("nothing.skipped"));
        run(playbook("pg1", role), RunOptions.defaults(), new RecordingListener());
        assertThat(fleet.host("pg1").files).containsEntry("/tmp/said", "hello-pg1 rc=0");
        assertThat(fleet.host("pg1").packages).containsExactly("y");
    }

    @Test
    void aTaskThatBecomesRootReadsEveryFactAsRootAndOneThatDoesNotReadsAsTheUser() throws Exception {
        Fact<String> userFact = new Fact<>() {
            public String command() {
                return "cat /etc/motd";
            }

            public boolean needsRoot() {
                return false;
            }

            public String parse(io.pgha.transport.ExecResult result) {
                return result.stdout();
            }
        };
        Operation reads = new Operation() {
            public String name() {
                return "reads";
            }

            public Plan plan(OperationContext ctx, Map<String, Object> args) throws io.pgha.operations.OperationException {
                ctx.fact(userFact);
                return Plan.noChange("read");
            }
        };
        run(playbook("pg1", role("base", roleDir, task("As root", "reads", Map.of()))), RunOptions.defaults(),
                new RecordingListener(), reads);
        assertThat(fleet.host("pg1").becomes).containsExactly(true);
        fleet.forgetCommands();
        run(playbook("pg1", role("base", roleDir, task("As user", "reads", Map.of()).become(false))), RunOptions.defaults(),
                new RecordingListener(), reads);
        assertThat(fleet.host("pg1").becomes).containsExactly(false);
    }

    @Test
    void taskBecomeOverridesTheHostDefault() throws Exception {
        Role role = role("base", roleDir, task("As user", "command", Map.of("cmd", "echo me")).become(false),
                task("As root", "command", Map.of("cmd", "echo root")));
        run(playbook("pg1", role), RunOptions.defaults(), new RecordingListener());
        assertThat(fleet.host("pg1").becomes).containsExactly(false, true);
    }

    @Test
    void undefinedVariableFailsTheTaskNamingVariableAndTask() throws Exception {
        Role role = role("base", roleDir, task("Use missing", "package", Map.of("name", "pg-{{ nope }}")));
        RecordingListener listener = new RecordingListener();
        run(playbook("pg1", role), RunOptions.defaults(), listener);
        assertThat(listener.result("Use missing", "pg1").message())
                .contains("undefined variable 'nope'").contains("Use missing").contains("roles/test/tasks.yml:");
    }

    @Test
    void roleDefaultsAreOverriddenByInventoryAndMayBeTemplates() throws Exception {
        Role role = role("base", roleDir,
                Map.of("pg_version", "15", "data_dir", "/var/lib/postgresql/{{ pg_version }}/{{ cluster }}", "cluster", "main"),
                List.of(), List.of(),
                task("Dir", "content", Map.of("dest", "/etc/dir", "content", "{{ data_dir }}")));
        run(playbook("pg1", role), RunOptions.defaults(), new RecordingListener());
        assertThat(fleet.host("pg1").files).containsEntry("/etc/dir", "/var/lib/postgresql/16/main");
    }

    @Test
    void aDefaultThatCannotRenderExplainsWhyWhenUsed() throws Exception {
        Role role = role("base", roleDir, Map.of("data_dir", "/data/{{ missing_var }}"), List.of(), List.of(),
                task("Dir", "content", Map.of("dest", "/etc/dir", "content", "{{ data_dir }}")));
        RecordingListener listener = new RecordingListener();
        run(playbook("pg1", role), RunOptions.defaults(), listener);
        assertThat(listener.result("Dir", "pg1").message())
                .contains("undefined variable 'data_dir'").contains("undefined variable 'missing_var'");
    }

    @Test
    void limitTakesAnsiblePatterns() throws Exception {
        RunSummary summary = run(playbook("all", baseRole()), new RunOptions(false, false, List.of("all:!pg2"), Set.of()),
                new RecordingListener());
        assertThat(summary.hosts()).containsOnlyKeys("pg1", "pg3");
    }

    @Test
    void limitRestrictsHosts() throws Exception {
        RecordingListener listener = new RecordingListener();
        RunSummary summary = run(playbook("all", baseRole()), new RunOptions(false, false, List.of("pg2"), Set.of()), listener);
        assertThat(summary.hosts()).containsOnlyKeys("pg2");
        assertThat(fleet.opens).containsOnlyKeys("pg2");
    }

    @Test
    void unknownLimitOrPlayTargetIsBadInputBeforeAnyConnection() throws Exception {
        Playbook playbook = playbook("all", baseRole());
        assertThatThrownBy(() -> run(playbook, new RunOptions(false, false, List.of("pg9"), Set.of()), new RecordingListener()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("--limit pg9: no group or host named 'pg9'");
        assertThatThrownBy(() -> run(playbook("haproxy", baseRole()), RunOptions.defaults(), new RecordingListener()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("play 'Test play'").hasMessageContaining("no group or host named 'haproxy'");
        assertThat(fleet.opens).isEmpty();
    }

    @Test
    void theFirstPlaysHostsConnectAndReadFactsWhileThePreflightRuns() throws Exception {
        CountDownLatch connecting = new CountDownLatch(1);
        RecordingListener listener = new RecordingListener();
        run(inventory, playbook("all", baseRole()), RunOptions.defaults(), listener, awaitingConnections(connecting));

        assertThat(connecting.getCount()).as("all three hosts connecting before the preflight").isZero();
        assertThat(listener.tasks).extracting(TaskRef::name).startsWith("Gathering Facts", "Install postgres");
        assertThat(listener.results.stream().filter(r -> r.task().name().equals("Gathering Facts")).map(RecordingListener.Result::host))
                .containsExactly("pg1", "pg2", "pg3");
        assertThat(fleet.opens.values()).extracting(AtomicInteger::get).containsOnly(1);
    }

    @Test
    void badInputChangesNothingReportsNoTaskAndClosesWhatItConnected() throws Exception {
        fleet.hanging.add("pg3"); // still connecting when the preflight fails: the run must not wait for it
        Assertion never = new Assertion("false", "never", "roles/base/meta.yml:1");
        Role role = role("base", roleDir, Map.of(), List.of(), List.of(never), task("Install", "package", Map.of("name", "x")));
        RecordingListener listener = new RecordingListener();
        CountDownLatch connecting = new CountDownLatch(1);

        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThatThrownBy(
                () -> run(inventory, playbook("all", role), RunOptions.defaults(), listener, awaitingConnections(connecting)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("never"));

        assertThat(connecting.getCount()).isZero();
        assertThat(listener.tasks).isEmpty();
        assertThat(listener.results).isEmpty();
        fleet.hosts.values().forEach(host -> assertThat(host.mutations()).as(host.hostName()).isEmpty());
        assertThat(fleet.host("pg1").closed).isTrue();
        assertThat(fleet.host("pg2").closed).isTrue();
    }

    /** Secrets that are read only once every host has been connected to (or counts down nothing after 10 s). */
    private SecretsSource awaitingConnections(CountDownLatch connected) {
        return (names, dryRun) -> {
            try {
                for (int i = 0; i < 1000 && fleet.opens.size() < 3; i++) {
                    Thread.sleep(10);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (fleet.opens.size() == 3) {
                connected.countDown();
            }
            return Map.of();
        };
    }

    @Test
    void preflightAssertsFailWithTheRenderedMessageAndChangeNothing() throws Exception {
        Assertion timing = new Assertion("loop_wait + 2 * retry_timeout <= ttl",
                "Patroni needs loop_wait + 2*retry_timeout <= ttl, got {{ loop_wait }} + 2*{{ retry_timeout }} > {{ ttl }}",
                "roles/patroni/meta.yml:4");
        Role patroni = role("patroni", roleDir, Map.of("loop_wait", 10, "retry_timeout", 10, "ttl", 30),
                List.of(), List.of(timing), task("Install", "package", Map.of("name", "patroni")));
        Inventory badTiming = inventory(Map.of("ttl", 20), "pg1", "pg2");
        assertThatThrownBy(() -> run(badTiming, playbook("all", patroni), RunOptions.defaults(), new RecordingListener(),
                SecretsSource.none()))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("[pg1] patroni: Patroni needs loop_wait + 2*retry_timeout <= ttl, got 10 + 2*10 > 20")
                .hasMessageContaining("[pg2]")
                .hasMessageContaining("roles/patroni/meta.yml:4");
        fleet.hosts.values().forEach(host -> assertThat(host.mutations()).as(host.hostName()).isEmpty());

        RecordingListener listener = new RecordingListener();
        run(inventory(Map.of(), "pg1", "pg2"), playbook("all", patroni), RunOptions.defaults(), listener, SecretsSource.none());
        assertThat(listener.summary.exitCode()).isZero();
    }

    @Test
    void secretsAreGeneratedOnlyAfterPreflightAndOnlyReadInCheckMode() throws Exception {
        List<String> calls = new java.util.ArrayList<>();
        SecretsSource secrets = (names, dryRun) -> {
            calls.add(names + (dryRun ? " dry" : " write"));
            return Map.of("db_password", dryRun ? "placeholder" : "s3cr3t-value");
        };
        Role role = role("db", roleDir, Map.of(), List.of("db_password"), List.of(),
                task("Pw", "content", Map.of("dest", "/etc/pw", "content", "{{ secrets.db_password }}/{{ db_password }}")));
        run(inventory, playbook("pg1", role), new RunOptions(true, false, List.of(), Set.of()), new RecordingListener(), secrets);
        assertThat(calls).containsExactly("[db_password] dry");

        calls.clear();
        run(inventory, playbook("pg1", role), RunOptions.defaults(), new RecordingListener(), secrets);
        assertThat(calls).containsExactly("[db_password] dry", "[db_password] write");
        assertThat(fleet.host("pg1").files).containsEntry("/etc/pw", "s3cr3t-value/s3cr3t-value");
    }

    @Test
    void aModuleThatThrowsFailsOnlyItsTask() throws Exception {
        Operation broken = new Operation() {
            public String name() {
                return "broken";
            }

            public Plan plan(OperationContext ctx, Map<String, Object> args) {
                throw new IllegalStateException("bug");
            }
        };
        RecordingListener listener = new RecordingListener();
        RunSummary summary = run(playbook("all", role("base", roleDir, task("Broken", "broken", Map.of()))),
                RunOptions.defaults(), listener, broken);
        assertThat(listener.result("Broken", "pg1").message()).contains("module 'broken' crashed").contains("bug");
        assertThat(summary.exitCode()).isEqualTo(RunSummary.EXIT_FAILED);
    }
}
