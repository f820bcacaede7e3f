package io.pgha.engine;

import io.pgha.inventory.Inventory;
import io.pgha.operations.Operation;
import io.pgha.operations.Plan;
import io.pgha.roles.PlaySpec;
import io.pgha.roles.Playbook;
import io.pgha.roles.Role;
import io.pgha.templating.Templates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static io.pgha.engine.Fixtures.inventory;
import static io.pgha.engine.Fixtures.playbook;
import static io.pgha.engine.Fixtures.role;
import static io.pgha.engine.Fixtures.task;
import static org.assertj.core.api.Assertions.assertThat;

/** The runner reads a play's facts ahead in batches, and never plans from an answer a change made stale. */
class ReadAheadTest {
    @TempDir
    Path roleDir;

    private final FakeFleet fleet = new FakeFleet("pg1", "pg2", "pg3");
    private final Inventory inventory = inventory(Map.of(), "pg1", "pg2", "pg3");

    /** Asks the same question twice, as a wait that polls does. */
    private static final Operation ASK_TWICE = TestOperations.named("ask_twice", (ctx, args) -> {
        ctx.probe("cat /etc/asked");
        ctx.probe("cat /etc/asked");
        return Plan.noChange("asked twice");
    });

    /** Plans differently ahead, as a wait that is not ready yet does (it does not wait then). */
    private static final Operation AHEAD_AWARE = TestOperations.named("ahead_aware", (ctx, args) -> {
        ctx.probe("cat /etc/ready");
        return Plan.noChange(ctx.planningAhead() ? "not ready yet, not waiting ahead" : "waited");
    });

    /** How often the {@code counted} module planned, by host. */
    private final Map<String, AtomicInteger> plans = new ConcurrentHashMap<>();

    /** Reads one file, never changes anything, and counts its plans. */
    private final Operation counted = TestOperations.named("counted", (ctx, args) -> {
        ctx.probe("cat /etc/counted");
        plans.computeIfAbsent(String.valueOf(ctx.vars().get("inventory_hostname")), h -> new AtomicInteger()).incrementAndGet();
        return Plan.noChange("counted");
    });

    private Role files() {
        return role("files", roleDir,
                task("Install", "package", Map.of("name", "app")),
                task("Only pg1", "content", Map.of("dest", "/etc/a", "content", "a")).when("inventory_hostname == 'pg1'"),
                task("Everywhere", "content", Map.of("dest", "/etc/b", "content", "b")));
    }

    private RecordingListener run(Playbook playbook, RunOptions options) throws Exception {
        RecordingListener listener = new RecordingListener();
        new PlaybookRunner(fleet, TestOperations.all(ASK_TWICE, counted, AHEAD_AWARE), new Templates(), listener, new Redactor())
                .run(inventory, playbook, options, SecretsSource.none());
        return listener;
    }

    /** Runs the playbook once (the fleet converges), forgets what the hosts were asked, and runs it again. */
    private RecordingListener convergedThenAgain(Playbook playbook) throws Exception {
        run(playbook, RunOptions.defaults());
        fleet.forgetCommands();
        return run(playbook, RunOptions.defaults());
    }

    @Test
    void aConvergedHostIsReadInOneBatchAndAsksNothingElse() throws Exception {
        Playbook playbook = playbook("all", files());
        RecordingListener second = convergedThenAgain(playbook);

        assertThat(second.statuses("pg1")).containsExactly("Install=ok", "Only pg1=ok", "Everywhere=ok");
        for (FakeHost host : fleet.hosts.values()) {
            assertThat(host.batches).as(host.hostName()).isEqualTo(1);
            assertThat(host.readsOneByOne()).as(host.hostName()).isEmpty();
            assertThat(host.mutations()).as(host.hostName()).isEmpty();
        }
        assertThat(fleet.host("pg1").readAhead).containsExactly("dpkg-query -W app", "cat /etc/a", "cat /etc/b");
        // Reported, so the output shows where the time before the first task went.
        assertThat(second.readsAhead).containsExactlyInAnyOrder(new RecordingListener.ReadAhead("pg1", 3, 3, 1),
                new RecordingListener.ReadAhead("pg2", 2, 2, 1), new RecordingListener.ReadAhead("pg3", 2, 2, 1));
    }

    @Test
    void aTaskPlannedAheadToTheEndWithNothingToChangeIsNotPlannedAgainByItsRun() throws Exception {
        Role role = role("r", roleDir, task("Counted", "counted", Map.of()));

        RecordingListener listener = run(playbook("pg1", role), RunOptions.defaults());

        assertThat(listener.statuses("pg1")).containsExactly("Counted=ok");
        // Planned ahead up to its question, then to the end with the answer: its run takes that outcome.
        assertThat(plans.get("pg1").get()).isEqualTo(1);
        assertThat(fleet.host("pg1").readsOneByOne()).isEmpty();
    }

    @Test
    void aPlanThatAskedWhetherItWasMadeAheadIsMadeAgainByTheRun() throws Exception {
        RecordingListener listener = run(playbook("pg1", role("r", roleDir, task("Wait", "ahead_aware", Map.of()))),
                RunOptions.defaults());

        assertThat(listener.result("Wait", "pg1").message()).isEqualTo("waited");
    }

    @Test
    void aTaskPlannedAheadIsPlannedAgainAfterAnEarlierTaskChangedAHost() throws Exception {
        Role role = role("r", roleDir,
                task("Change", "content", Map.of("dest", "/etc/changed", "content", "x")),
                task("Counted", "counted", Map.of()));

        RecordingListener listener = run(playbook("pg1", role), RunOptions.defaults());

        assertThat(listener.statuses("pg1")).containsExactly("Change=changed", "Counted=ok");
        assertThat(plans.get("pg1").get()).isEqualTo(2); // ahead, and again after the change
        assertThat(fleet.host("pg1").readsOneByOne()).containsExactly("cat /etc/counted");
    }

    @Test
    void aTaskPlannedAheadIsPlannedAgainOnceAnEarlierTaskRegisteredAVariable() throws Exception {
        Role role = role("r", roleDir,
                task("Remember", "counted", Map.of()).register("remembered"),
                task("Only before remembering", "counted", Map.of()).when("remembered is not defined"));

        RecordingListener listener = run(playbook("pg1", role), RunOptions.defaults());

        assertThat(listener.statuses("pg1")).containsExactly("Remember=ok", "Only before remembering=skipped");
    }

    @Test
    void theLaterPlaysOfAHostAreReadInTheFirstPlaysBatch() throws Exception {
        Role second = role("second", roleDir, task("Also", "content", Map.of("dest", "/etc/c", "content", "c")));
        Role pg1Only = role("third", roleDir, task("Only here", "content", Map.of("dest", "/etc/d", "content", "d")));
        Playbook playbook = new Playbook(Path.of("/work/site.yml"), List.of(new PlaySpec("one", "all", List.of(files())),
                new PlaySpec("two", "all", List.of(second)), new PlaySpec("three", "pg1", List.of(pg1Only))));
        convergedThenAgain(playbook);

        fleet.hosts.values().forEach(host -> {
            assertThat(host.batches).as(host.hostName()).isEqualTo(1);
            assertThat(host.readsOneByOne()).as(host.hostName()).isEmpty();
        });
        assertThat(fleet.host("pg1").readAhead).contains("cat /etc/c", "cat /etc/d");
        assertThat(fleet.host("pg2").readAhead).contains("cat /etc/c").doesNotContain("cat /etc/d");
    }

    @Test
    void everyItemOfALoopIsReadInTheSameBatch() throws Exception {
        List<String> items = List.of("a", "b", "c", "d", "e", "f");
        Playbook playbook = playbook("pg1", role("files", roleDir,
                task("Many", "content", Map.of("dest", "/etc/{{ item }}", "content", "{{ item }}")).loop(items)));
        convergedThenAgain(playbook);

        assertThat(fleet.host("pg1").batches).isEqualTo(1);
        assertThat(fleet.host("pg1").readAhead).hasSize(items.size());
        assertThat(fleet.host("pg1").readsOneByOne()).isEmpty();
    }

    @Test
    void theItemsOfALoopAskingTheSameQuestionAreAllAnsweredByOneRead() throws Exception {
        // As sysctl's items all read the one file their keys are persisted in.
        Playbook playbook = playbook("pg1", role("files", roleDir,
                task("Shared", "content", Map.of("dest", "/etc/shared", "content", "x")).loop(List.of("a", "b", "c"))));
        RecordingListener second = convergedThenAgain(playbook);

        assertThat(second.statuses("pg1")).containsExactly("Shared=ok");
        assertThat(fleet.host("pg1").batches).isEqualTo(1);
        assertThat(fleet.host("pg1").readAhead).containsExactly("cat /etc/shared");
        assertThat(fleet.host("pg1").readsOneByOne()).isEmpty();
    }

    @Test
    void afterALoopItemChangedTheHostTheNextItemsAskTheHost() throws Exception {
        // All three items read /etc/shared ahead (absent); the first writes it, the others must see it written.
        Playbook playbook = playbook("pg1", role("files", roleDir,
                task("Shared", "content", Map.of("dest", "/etc/shared", "content", "{{ item }}")).loop(List.of("x", "x", "x"))));

        RecordingListener listener = run(playbook, RunOptions.defaults());

        assertThat(listener.statuses("pg1")).containsExactly("Shared=changed");
        assertThat(fleet.host("pg1").mutations()).containsExactly("upload /etc/shared");
        assertThat(fleet.host("pg1").readsOneByOne()).containsExactly("cat /etc/shared", "cat /etc/shared");
    }

    @Test
    void aTaskAfterAChangeReadsTheHostNotTheAnswerReadBefore() throws Exception {
        // Both tasks read /etc/same ahead (absent); after the first wrote it, the second must see it written.
        Role role = role("files", roleDir,
                task("First", "content", Map.of("dest", "/etc/same", "content", "x")),
                task("Second", "content", Map.of("dest", "/etc/same", "content", "x")));

        RecordingListener listener = run(playbook("pg1", role), RunOptions.defaults());

        assertThat(listener.statuses("pg1")).containsExactly("First=changed", "Second=ok");
        assertThat(fleet.host("pg1").readsOneByOne()).containsExactly("cat /etc/same");
    }

    /** Every host converged, then pg1's /etc/a changed behind pgha's back; the commands seen so far forgotten. */
    private Playbook convergedThenDriftedOnPg1() throws Exception {
        Playbook playbook = playbook("all", files());
        run(playbook, RunOptions.defaults());
        fleet.host("pg1").files.put("/etc/a", "drifted");
        fleet.forgetCommands();
        return playbook;
    }

    @Test
    void aChangeOnOneHostMakesEveryHostReadAgain() throws Exception {
        Playbook playbook = convergedThenDriftedOnPg1();

        RecordingListener second = run(playbook, RunOptions.defaults());

        assertThat(second.statuses("pg1")).containsExactly("Install=ok", "Only pg1=changed", "Everywhere=ok");
        // pg2 changed nothing itself, but what it reads may depend on pg1 (a cluster), so it asks again.
        assertThat(fleet.host("pg2").readsOneByOne()).containsExactly("cat /etc/b");
        assertThat(fleet.host("pg1").readsOneByOne()).containsExactly("cat /etc/b");
    }

    @Test
    void checkModeChangesNothingSoTheAnswersHold() throws Exception {
        Playbook playbook = convergedThenDriftedOnPg1();

        RecordingListener check = run(playbook, new RunOptions(true, false, List.of(), java.util.Set.of()));

        assertThat(check.statuses("pg1")).containsExactly("Install=ok", "Only pg1=changed", "Everywhere=ok");
        fleet.hosts.values().forEach(host -> assertThat(host.readsOneByOne()).as(host.hostName()).isEmpty());
    }

    private Role factFiles() {
        return role("facts", roleDir,
                task("A", "fact_content", Map.of("dest", "/etc/a", "content", "a")),
                task("Only pg1", "fact_content", Map.of("dest", "/etc/b", "content", "b")).when("inventory_hostname == 'pg1'"),
                task("Many", "fact_content", Map.of("dest", "/etc/{{ item }}", "content", "{{ item }}")).loop(List.of("c", "d")),
                task("Package", "package", Map.of("name", "app")));
    }

    @Test
    void factsOfOneKindAskedByManyTasksAreReadWithOneCommand() throws Exception {
        Playbook playbook = playbook("all", factFiles());
        RecordingListener second = convergedThenAgain(playbook);

        assertThat(second.statuses("pg1")).containsExactly("A=ok", "Only pg1=ok", "Many=ok", "Package=ok");
        assertThat(fleet.host("pg1").readAhead).containsExactlyInAnyOrder("cat-each /etc/a /etc/b /etc/c /etc/d",
                "dpkg-query -W app");
        assertThat(fleet.host("pg2").readAhead).containsExactlyInAnyOrder("cat-each /etc/a /etc/c /etc/d", "dpkg-query -W app");
        fleet.hosts.values().forEach(host -> assertThat(host.readsOneByOne()).as(host.hostName()).isEmpty());
        assertThat(second.readsAhead).contains(new RecordingListener.ReadAhead("pg1", 5, 2, 1));
    }

    @Test
    void eachFactReadMergedGetsItsOwnValue() throws Exception {
        Playbook playbook = playbook("pg1", factFiles());
        run(playbook, RunOptions.defaults());
        fleet.host("pg1").files.put("/etc/c", "drifted");
        fleet.forgetCommands();

        RecordingListener again = run(playbook, RunOptions.defaults());

        assertThat(again.statuses("pg1")).containsExactly("A=ok", "Only pg1=ok", "Many=changed", "Package=ok");
        assertThat(fleet.host("pg1").mutations()).containsExactly("upload /etc/c");
    }

    @Test
    void aMergedAnswerThatDoesNotParseLeavesEachTaskToReadItsOwn() throws Exception {
        Playbook playbook = playbook("pg1", factFiles());
        run(playbook, RunOptions.defaults());
        fleet.host("pg1").garbledMergedReads = true;
        fleet.forgetCommands();

        RecordingListener again = run(playbook, RunOptions.defaults());

        assertThat(again.statuses("pg1")).containsExactly("A=ok", "Only pg1=ok", "Many=ok", "Package=ok");
        assertThat(fleet.host("pg1").readsOneByOne()).containsExactly("cat /etc/a", "cat /etc/b", "cat /etc/c", "cat /etc/d");
        assertThat(fleet.host("pg1").mutations()).isEmpty();
    }

    @Test
    void factsAPlanPrefetchesAreReadInOneRoundNotOneAfterTheOther() throws Exception {
        Map<String, Object> args = Map.of("first", "/etc/a", "second", "/etc/b");
        Map<String, Object> prefetching = new java.util.HashMap<>(args);
        prefetching.put("prefetch", true);

        run(playbook("pg1", role("two", roleDir, task("Two", "two_files", args))), RunOptions.defaults());
        assertThat(fleet.host("pg1").batches).isEqualTo(2);
        fleet.forgetCommands();
        fleet.host("pg1").batches = 0;

        run(playbook("pg1", role("two", roleDir, task("Two", "two_files", prefetching))), RunOptions.defaults());

        assertThat(fleet.host("pg1").batches).isEqualTo(1);
        assertThat(fleet.host("pg1").readAhead).containsExactly("cat-each /etc/a /etc/b");
        assertThat(fleet.host("pg1").readsOneByOne()).isEmpty();
    }

    @Test
    void theSameQuestionAskedTwiceByOneTaskIsAnsweredByTheHostTheSecondTime() throws Exception {
        run(playbook("pg1", role("ask", roleDir, task("Ask", "ask_twice", Map.of()))), RunOptions.defaults());

        assertThat(fleet.host("pg1").readAhead).containsExactly("cat /etc/asked");
        assertThat(fleet.host("pg1").readsOneByOne()).containsExactly("cat /etc/asked");
    }
}
