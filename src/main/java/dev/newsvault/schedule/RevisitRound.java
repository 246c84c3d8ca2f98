package dev.newsvault.schedule;

import dev.newsvault.archive.Archive;
import dev.newsvault.archive.ArchiveException;
import dev.newsvault.archive.RevisitQueries;
import dev.newsvault.archive.RevisitRecord;
import dev.newsvault.archive.RunSummary;
import dev.newsvault.check.CheckOutcome;
import dev.newsvault.config.Plural;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One round of revisits: puts newly archived articles under revisit, plans every article by
 * {@link RevisitPolicy}, re-checks those due (most overdue first, at most {@code schedule.revisit.batch}) and
 * stores each outcome and the next plan. Recorded as an archive run of kind {@code revisit}.
 */
public final class RevisitRound {

  private static final Logger LOG = LoggerFactory.getLogger(RevisitRound.class);

  private final Archive archive;
  private final RevisitSettings settings;
  private final ArticleRecheck recheck;
  private final Clock clock;

  public RevisitRound(Archive archive, RevisitSettings settings, ArticleRecheck recheck, Clock clock) {
    this.archive = archive;
    this.settings = settings;
    this.recheck = recheck;
    this.clock = clock;
  }

  /** "3 articles newly revisited, 2 no longer revisited (older than schedule.revisit.max-age, gone or moved)". */
  static String joinedAndLeft(int added, int ended) {
    return Plural.of(added, "article") + " newly revisited, " + ended + " no longer revisited (older than"
        + " schedule.revisit.max-age, gone or moved)";
  }

  public JobResult run() throws ArchiveException, InterruptedException {
    RevisitQueries q = new RevisitQueries(archive);
    Instant now = clock.instant();
    int added = q.enqueueSince(now.minus(settings.maxAge()));
    List<Due.Planned> plans = Due.plans(histories(q.active()), settings);
    int ended = 0;
    int pastAge = 0;
    for (Due.Planned p : plans) {
      store(q, p.history(), p.plan());
      if (p.plan().isEmpty()) {
        ended++;
        pastAge += endedByAge(p.history()) ? 1 : 0;
      }
    }
    String queue = joinedAndLeft(added, ended) + whyEnded(pastAge);
    List<Due.Planned> due = Due.revisits(plans, now, settings.batch());
    if (due.isEmpty()) {
      archive.flush();
      return new JobResult("finished", "nothing due; " + queue, null);
    }
    long runId = archive.startRun("revisit", due.size() + " articles due");
    Map<CheckOutcome, Integer> counts = new EnumMap<>(CheckOutcome.class);
    String status = "finished";
    try {
      for (Due.Planned p : due) {
        if (Thread.currentThread().isInterrupted()) {
          throw new InterruptedException();
        }
        String url = p.history().url();
        CheckOutcome o;
        try {
          o = recheck.check(runId, url);
        } catch (RuntimeException e) {
          LOG.warn("re-check of {} failed: {}", url, e.toString());
          o = CheckOutcome.ERROR;
        }
        Instant at = clock.instant();
        counts.merge(o, 1, Integer::sum);
        q.recordCheck(url, runId, at, o.code());
        List<RevisitCheck> checks = new ArrayList<>(p.history().checks());
        checks.add(new RevisitCheck(at, o));
        RevisitHistory h = new RevisitHistory(url, p.history().firstSeen(), p.history().published(), checks);
        store(q, h, RevisitPolicy.next(h, settings));
      }
    } catch (InterruptedException e) {
      status = "interrupted";
      throw e;
    } finally {
      int changed = counts.getOrDefault(CheckOutcome.CHANGED, 0);
      int errors = counts.getOrDefault(CheckOutcome.ERROR, 0);
      int checked = counts.values().stream().mapToInt(Integer::intValue).sum();
      archive.finishRun(runId, new RunSummary(status, checked, changed, checked - changed - errors, errors));
    }
    String summary = String.format("re-checked %d: %d changed, %d unchanged, %d gone, %d moved, %d errors"
        + "; %s", due.size(), counts.getOrDefault(CheckOutcome.CHANGED, 0),
        counts.getOrDefault(CheckOutcome.UNCHANGED, 0), counts.getOrDefault(CheckOutcome.GONE, 0),
        counts.getOrDefault(CheckOutcome.MOVED, 0), counts.getOrDefault(CheckOutcome.ERROR, 0), queue);
    return new JobResult(counts.getOrDefault(CheckOutcome.ERROR, 0) > 0 ? "partial" : "finished", summary, runId);
  }

  /** Ended without being gone or moved: the article is past the revisit window. */
  private static boolean endedByAge(RevisitHistory h) {
    CheckOutcome last = h.checks().isEmpty() ? null : h.checks().get(h.checks().size() - 1).outcome();
    return last != CheckOutcome.GONE && last != CheckOutcome.MOVED;
  }

  /**
   * Why articles left the queue as soon as they joined it: an archive of old stories (a first crawl of a
   * site's back catalogue) puts them under revisit and ends them in one round, which reads like a fault.
   */
  private String whyEnded(int pastAge) {
    return pastAge == 0 ? "" : "; " + pastAge + " of them published more than " + Durations.format(settings.maxAge())
        + " ago (undated ones count from when first archived)";
  }

  private void store(RevisitQueries q, RevisitHistory h, Optional<RevisitPlan> plan) throws ArchiveException {
    if (plan.isPresent()) {
      q.plan(h.url(), plan.get().at(), plan.get().interval(), null);
    } else {
      CheckOutcome last = h.checks().isEmpty() ? null : h.checks().get(h.checks().size() - 1).outcome();
      q.plan(h.url(), null, null, last == CheckOutcome.GONE ? "gone" : last == CheckOutcome.MOVED ? "moved" : "done");
    }
  }

  static List<RevisitHistory> histories(List<RevisitRecord> records) {
    List<RevisitHistory> out = new ArrayList<>();
    for (RevisitRecord r : records) {
      Instant first = instant(r.firstSeen());
      if (first == null) {
        continue;
      }
      List<RevisitCheck> checks = new ArrayList<>();
      for (RevisitRecord.Check c : r.checks()) {
        Instant at = instant(c.checkedAt());
        if (at != null) {
          checks.add(new RevisitCheck(at, CheckOutcome.parse(c.outcome())));
        }
      }
      out.add(new RevisitHistory(r.url(), first, instant(r.published()), checks));
    }
    return out;
  }

  /**
   * Reads an archived time leniently: Instant or offset date-time; a page's bare date ("2024-03-31", as a
   * date line or the URL gives it) or local date-time as that day in UTC, which is close enough for a window of
   * days; junk gives null.
   */
  static Instant instant(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(s).toInstant();
      } catch (DateTimeParseException e2) {
        try {
          return s.length() == 10 ? LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant()
              : LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e3) {
          return null;
        }
      }
    }
  }
}
