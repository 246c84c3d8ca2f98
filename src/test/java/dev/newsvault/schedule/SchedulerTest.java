package dev.newsvault.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsvault.archive.Archive;
import dev.newsvault.archive.ScheduleQueries;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchedulerTest {

  @TempDir Path dir;

  @Test
  void aSecondDueRunOfTheSameListDoesNotStartWhileTheFirstRuns() throws Exception {
    MutableClock clock = new MutableClock("2025-03-04T10:00:00Z");
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger runs = new AtomicInteger();
    try (Archive archive = Archive.open(dir.resolve("a.db"))) {
      Scheduler.Job job = new Scheduler.Job("news", Timing.every("k", "30m"), () -> {
        runs.incrementAndGet();
        entered.countDown();
        release.await();
        return new JobResult("finished", "ok", null);
      });
      Scheduler s = new Scheduler(List.of(job), new ScheduleQueries(archive), clock);

      assertThat(s.tick()).extracting(Scheduler.Trigger::action).containsExactly(Scheduler.Action.STARTED);
      assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
      clock.advance(Duration.ofMinutes(31));
      List<Scheduler.Trigger> second = s.tick();
      assertThat(second).extracting(Scheduler.Trigger::action).containsExactly(Scheduler.Action.SKIPPED_RUNNING);
      assertThat(new ScheduleQueries(archive).states().get("news").lastOutcome()).isEqualTo("running");

      release.countDown();
      assertThat(second.get(0).run().get(10, TimeUnit.SECONDS).outcome()).isEqualTo("finished");
      assertThat(s.tick()).extracting(Scheduler.Trigger::action).containsExactly(Scheduler.Action.NOT_DUE);
      clock.advance(Duration.ofMinutes(30));
      List<Scheduler.Trigger> third = s.tick();
      assertThat(third).extracting(Scheduler.Trigger::action).containsExactly(Scheduler.Action.STARTED);
      third.get(0).run().get(10, TimeUnit.SECONDS);
      assertThat(runs).hasValue(2);
    }
  }

  @Test
  void aFailedRunIsRecordedAndTheNextRunComesAsPlanned() throws Exception {
    MutableClock clock = new MutableClock("2025-03-04T10:00:00Z");
    try (Archive archive = Archive.open(dir.resolve("a.db"))) {
      AtomicInteger calls = new AtomicInteger();
      Scheduler.Job job = new Scheduler.Job("news", Timing.every("k", "1h"), () -> {
        if (calls.incrementAndGet() == 1) {
          throw new IllegalStateException("seeds/news.txt: disk on fire");
        }
        return new JobResult("finished", "fetched 3", 7L);
      });
      Scheduler s = new Scheduler(List.of(job), new ScheduleQueries(archive), clock);
      assertThat(s.runNow(List.of(job))).singleElement().satisfies(r -> {
        assertThat(r.outcome()).isEqualTo("failed");
        assertThat(r.summary()).contains("disk on fire");
      });
      var state = new ScheduleQueries(archive).states().get("news");
      assertThat(state.lastOutcome()).isEqualTo("failed");
      assertThat(state.failures()).isEqualTo(1);
      assertThat(state.nextRun()).isEqualTo("2025-03-04T11:00:00Z");

      clock.advance(Duration.ofHours(1));
      s.tick().get(0).run().get(10, TimeUnit.SECONDS);
      state = new ScheduleQueries(archive).states().get("news");
      assertThat(state.lastOutcome()).isEqualTo("finished");
      assertThat(state.runs()).isEqualTo(2);
      assertThat(state.lastRunId()).isEqualTo(7L);
    }
  }

  @Test
  void runStateSurvivesReopeningSoALaterProcessKnowsWhatIsDue() throws Exception {
    MutableClock clock = new MutableClock("2025-03-04T10:00:00Z");
    Scheduler.Job job = new Scheduler.Job("news", Timing.every("k", "1h"),
        () -> new JobResult("finished", "ok", null));
    try (Archive archive = Archive.open(dir.resolve("a.db"))) {
      new Scheduler(List.of(job), new ScheduleQueries(archive), clock).runNow(List.of(job));
    }
    clock.advance(Duration.ofMinutes(20));
    try (Archive archive = Archive.open(dir.resolve("a.db"))) {
      Scheduler s = new Scheduler(List.of(job), new ScheduleQueries(archive), clock);
      assertThat(s.nextRuns()).containsEntry("news", java.time.Instant.parse("2025-03-04T11:00:00Z"));
      assertThat(s.tick()).extracting(Scheduler.Trigger::action).containsExactly(Scheduler.Action.NOT_DUE);
    }
  }

  @Test
  void theForegroundLoopEndsWhenStoppedAndLetsTheRunRecordItsEnd() throws Exception {
    MutableClock clock = new MutableClock("2025-03-04T10:00:00Z");
    try (Archive archive = Archive.open(dir.resolve("a.db"))) {
      Scheduler[] holder = new Scheduler[1];
      Scheduler.Job job = new Scheduler.Job("news", Timing.every("k", "1h"), () -> {
        holder[0].stop();
        return new JobResult("finished", "stopped the loop", null);
      });
      holder[0] = new Scheduler(List.of(job), new ScheduleQueries(archive), clock);
      holder[0].runUntilStopped(Duration.ofSeconds(10));
      assertThat(new ScheduleQueries(archive).states().get("news").lastSummary()).isEqualTo("stopped the loop");
    }
  }
}
