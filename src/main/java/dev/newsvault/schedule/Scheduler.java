package dev.newsvault.schedule;

import dev.newsvault.archive.ArchiveException;
import dev.newsvault.archive.ScheduleQueries;
import dev.newsvault.archive.ScheduleState;
import dev.newsvault.archive.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs scheduled jobs (one per seed list, plus the revisit rounds) when they are due. A job never runs twice
 * at once: a run that falls due while the previous one still runs is skipped and logged. A failed run is
 * logged and recorded, and the next one comes as planned. Run state lives in the archive, so
 * {@code schedule --once} and {@code status} see it. Different jobs may run at the same time.
 */
public final class Scheduler {

  private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);
  /** The foreground loop re-reads the clock at least this often (a suspended machine, a changed clock). */
  static final Duration MAX_WAIT = Duration.ofSeconds(30);

  /** One scheduled job: a name, its timing and the work. */
  public record Job(String name, Timing timing, Callable<JobResult> body) {}

  /** What {@link #tick()} did with one job. */
  public enum Action { STARTED, SKIPPED_RUNNING, NOT_DUE }

  public record Trigger(String job, Action action, Future<JobResult> run) {}

  private final List<Job> jobs;
  private final ScheduleQueries store;
  private final Clock clock;
  private final Map<String, Instant> next = new HashMap<>();
  private final Map<String, Future<JobResult>> running = new HashMap<>();
  private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "schedule-run");
    t.setDaemon(true);
    return t;
  });
  private final ReentrantLock lock = new ReentrantLock();
  /** Whether each run's start and end are logged; off when the caller prints every result itself (--once). */
  private volatile boolean logRuns = true;
  private final Condition wake = lock.newCondition();
  private volatile boolean stopping;

  public Scheduler(List<Job> jobs, ScheduleQueries store, Clock clock) throws ArchiveException {
    this.jobs = List.copyOf(jobs);
    this.store = store;
    this.clock = clock;
    Map<String, ScheduleState> states = store.states();
    Instant now = clock.instant();
    for (Job j : jobs) {
      ScheduleState s = states.get(j.name());
      // A round whose process was killed is due again at once: what it left is resumed.
      Instant last = s == null || s.lastStarted() == null || s.crashed() ? null : Instant.parse(s.lastStarted());
      next.put(j.name(), j.timing().next(last, now));
    }
  }

  /** When each job is next due. */
  public synchronized Map<String, Instant> nextRuns() {
    return Map.copyOf(next);
  }

  /** Starts every due job that is not running, in the background; skips (and logs) due jobs still running. */
  public synchronized List<Trigger> tick() {
    Instant now = clock.instant();
    List<Trigger> out = new ArrayList<>();
    for (Job j : jobs) {
      Instant due = next.get(j.name());
      if (stopping || due.isAfter(now)) {
        out.add(new Trigger(j.name(), Action.NOT_DUE, null));
        continue;
      }
      Instant following = following(j, now);
      next.put(j.name(), following);
      Future<JobResult> f = running.get(j.name());
      if (f != null && !f.isDone()) {
        LOG.warn("{}: run due at {} skipped, the previous run is still going; next run at {}", j.name(),
            Timestamps.seconds(due), Timestamps.seconds(following));
        plannedQuietly(j.name(), following);
        out.add(new Trigger(j.name(), Action.SKIPPED_RUNNING, f));
        continue;
      }
      Future<JobResult> run = pool.submit(() -> execute(j, following));
      running.put(j.name(), run);
      out.add(new Trigger(j.name(), Action.STARTED, run));
    }
    return out;
  }

  /** The next due time after a run that starts at {@code now}, never in the past. */
  private static Instant following(Job j, Instant now) {
    Instant n = j.timing().next(now, now);
    return n.isAfter(now) ? n : now.plusSeconds(1);
  }

  /**
   * Runs the given jobs one after the other in the calling thread ({@code schedule --once}) and returns
   * their results; a failed job does not stop the others.
   */
  public List<JobResult> runNow(List<Job> due) throws InterruptedException {
    List<JobResult> out = new ArrayList<>();
    for (Job j : due) {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException();
      }
      Instant now = clock.instant();
      out.add(execute(j, following(j, now)));
    }
    return out;
  }

  /** Leaves each run's start and end out of the log, for a caller that prints every result itself. */
  public Scheduler withoutRunLog() {
    logRuns = false;
    return this;
  }

  private JobResult execute(Job j, Instant following) {
    Instant started = clock.instant();
    JobResult r;
    try {
      store.started(j.name(), started, following);
    } catch (ArchiveException e) {
      LOG.error("{}: cannot record the run's start: {}", j.name(), e.getMessage());
    }
    if (logRuns) {
      LOG.info("{}: run started", j.name());
    }
    try {
      r = j.body().call();
    } catch (InterruptedException e) {
      r = new JobResult("interrupted", "stopped before it finished", null);
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      String m = e.getMessage() == null ? e.toString() : e.getMessage();
      r = new JobResult("failed", m, null);
    }
    Instant ended = clock.instant();
    String took = Durations.format(Duration.between(started, ended));
    if (!logRuns) {
      LOG.debug("{}: run {} in {}", j.name(), r.outcome(), took);
    } else if ("failed".equals(r.outcome())) {
      LOG.error("{}: run failed after {}: {}; next run at {}", j.name(), took, r.summary(),
          Timestamps.seconds(following));
    } else {
      LOG.info("{}: run {} in {}: {}; next run at {}", j.name(), r.outcome(), took, r.summary(),
          Timestamps.seconds(following));
    }
    try {
      store.finished(j.name(), ended, r.outcome(), r.summary(), r.runId(), following);
    } catch (ArchiveException e) {
      LOG.error("{}: cannot record how the run ended: {}", j.name(), e.getMessage());
    }
    return r;
  }

  private void plannedQuietly(String name, Instant at) {
    try {
      store.planned(name, at);
    } catch (ArchiveException e) {
      LOG.error("{}: cannot record the next run: {}", name, e.getMessage());
    }
  }

  /**
   * Runs jobs as they fall due until {@link #stop()}; then interrupts running jobs and waits up to
   * {@code grace} for them to record what they did.
   */
  public void runUntilStopped(Duration grace) throws InterruptedException {
    try {
      while (!stopping) {
        tick();
        Instant soonest;
        synchronized (this) {
          soonest = next.values().stream().min(Instant::compareTo).orElse(Instant.MAX);
        }
        Duration wait = Duration.between(clock.instant(), soonest);
        if (wait.compareTo(MAX_WAIT) > 0) {
          wait = MAX_WAIT;
        }
        if (!wait.isNegative() && !wait.isZero()) {
          lock.lock();
          try {
            if (!stopping) {
              wake.await(wait.toMillis() + 1, TimeUnit.MILLISECONDS);
            }
          } finally {
            lock.unlock();
          }
        }
      }
    } finally {
      stopping = true;
      pool.shutdownNow();
      if (!pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("a scheduled run did not stop within {}; leaving it", Durations.format(grace));
      }
    }
  }

  /** Asks the foreground loop to end (SIGTERM, Ctrl-C, tests). */
  public void stop() {
    stopping = true;
    lock.lock();
    try {
      wake.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
